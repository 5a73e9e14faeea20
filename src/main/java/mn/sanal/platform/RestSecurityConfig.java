package mn.sanal.platform;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine REST API requires HTTP Basic authentication against Camunda's identity service; the engine then
 * applies the caller's authorizations. The starter registers no authentication by itself. Failed logins are
 * throttled per client ({@link LoginThrottle}) before it, and before the webapps' login form.
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
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(1);
        return registration;
    }
}
