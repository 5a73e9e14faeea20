package mn.sanal.platform;

import java.io.IOException;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import mn.sanal.organisations.Groups;

/**
 * The metrics ({@code /actuator/prometheus}, {@code /actuator/metrics}) need a login (HTTP Basic against Camunda's
 * identity service, as the engine REST API) of an administrator or a member of {@value #MONITORING} (a group the
 * administrator creates in Camunda Admin for whoever runs Prometheus). Health stays open, without details, for load
 * balancers: {@code /actuator/health/readiness} is UP only while the database and the job executor are.
 */
@Configuration
class MetricsSecurity {

    /** Members may read the metrics, nothing else. */
    static final String MONITORING = "monitoring";

    static final String[] URL_PATTERNS = {"/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/*"};

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> metricsAuthentication() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("sanal-metrics-auth");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns(URL_PATTERNS);
        registration.setOrder(1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<OperatorsOnly> metricsForOperators(IdentityService identity) {
        var registration = new FilterRegistrationBean<>(new OperatorsOnly(identity));
        registration.setName("sanal-metrics-operators-only");
        registration.addUrlPatterns(URL_PATTERNS);
        registration.setOrder(2);
        return registration;
    }

    /** After the authentication: administrators and the monitoring group only; others get 403. */
    static class OperatorsOnly extends OncePerRequestFilter {

        private final IdentityService identity;

        OperatorsOnly(IdentityService identity) {
            this.identity = identity;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication user = identity.getCurrentAuthentication();
            List<String> groups = user == null || user.getGroupIds() == null ? List.of() : user.getGroupIds();
            if (!groups.contains(Groups.ADMINS) && !groups.contains(MONITORING)) {
                response.sendError(HttpStatus.FORBIDDEN.value());
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
