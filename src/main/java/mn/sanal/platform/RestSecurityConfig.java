package mn.sanal.platform;

import java.io.IOException;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
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
 * The engine REST API requires HTTP Basic authentication against Camunda's identity service; the engine then
 * applies the caller's authorizations. The starter registers no authentication by itself. The development endpoints
 * ({@code /dev/*}, default profile only) take the same login and only Camunda's administrators. Failed logins are
 * throttled per client ({@link LoginThrottle}) before any of these, and before the webapps' login form.
 */
@Configuration
class RestSecurityConfig {

    @Bean
    FilterRegistrationBean<LoginThrottle> loginThrottle(SecurityProperties properties) {
        var registration = new FilterRegistrationBean<>(new LoginThrottle(properties.failedLogins()));
        registration.setName("sanal-login-throttle");
        registration.addUrlPatterns(LoginThrottle.URL_PATTERNS);
        registration.setOrder(0);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-auth");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*", "/dev/*");
        registration.setOrder(1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<AdminsOnly> devEndpointsForAdmins(IdentityService identity) {
        var registration = new FilterRegistrationBean<>(new AdminsOnly(identity));
        registration.setName("sanal-dev-admins-only");
        registration.addUrlPatterns("/dev/*");
        registration.setOrder(2);
        return registration;
    }

    /** Officials' own API of the features ({@code /api/*}): webapp session (with its XSRF token) or HTTP Basic. */
    @Bean
    FilterRegistrationBean<OfficialApiAuthentication> officialApiAuthentication(ProcessEngine engine) {
        var registration = new FilterRegistrationBean<>(new OfficialApiAuthentication(engine));
        registration.setName("sanal-official-api-auth");
        registration.addUrlPatterns(OfficialApiAuthentication.URL_PATTERN);
        registration.setOrder(1);
        return registration;
    }

    /** After camunda-auth: lets through only members of {@code camunda-admin}; others get 403. */
    static class AdminsOnly extends OncePerRequestFilter {

        private final IdentityService identity;

        AdminsOnly(IdentityService identity) {
            this.identity = identity;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication user = identity.getCurrentAuthentication();
            if (user == null || user.getGroupIds() == null || !user.getGroupIds().contains(Groups.ADMINS)) {
                response.sendError(HttpStatus.FORBIDDEN.value());
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
