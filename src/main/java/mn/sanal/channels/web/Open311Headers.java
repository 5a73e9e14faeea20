package mn.sanal.channels.web;

import java.io.IOException;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Security headers on every Open311 response, errors included: nothing is to be sniffed, framed, run as a page or
 * sent on as a referrer (this is a JSON API, no page of ours is ever rendered from it). Responses about petitions
 * ({@code requests...}) carry a citizen's text, contact-derived data and officials' answers: no cache may keep them.
 */
@Configuration(proxyBeanMethods = false)
class Open311Headers {

    static final String CSP = "default-src 'none'; frame-ancestors 'none'";

    static void apply(String path, HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("Referrer-Policy", "no-referrer");
        if (path.startsWith(Open311Errors.PREFIX + "/v2/requests")) {
            response.setHeader("Cache-Control", "no-store");
        }
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> open311SecurityHeaders() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                                    FilterChain chain) throws ServletException, IOException {
                        apply(request.getRequestURI().substring(request.getContextPath().length()), response);
                        chain.doFilter(request, response);
                    }
                });
        registration.addUrlPatterns(Open311Errors.PREFIX, Open311Errors.PREFIX + "/*");
        registration.setName("open311SecurityHeaders");
        return registration;
    }
}
