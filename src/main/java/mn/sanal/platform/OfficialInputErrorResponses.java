package mn.sanal.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A rejected task completion or start form answers {@code 400 {"type": ..., "message": "Хариуны текст хоосон байна."}}: the
 * official's message alone, without the REST API's "Cannot complete task 3f2a...: " before it. Covers the engine REST
 * API and the webapps' own copy of it, which Tasklist calls.
 */
@Configuration
class OfficialInputErrorResponses {

    static final Pattern PREFIX = Pattern.compile(
            "^Cannot (?:complete task|submit task form|resolve task|instantiate process definition) \\S+: (.*)$",
            Pattern.DOTALL);

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> officialInputErrorFilter(ObjectMapper json) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new MessageOnly(json));
        registration.setName("sanal-official-input-errors");
        registration.addUrlPatterns("/engine-rest/task/*", "/engine-rest/process-definition/*",
                "/camunda/api/engine/*");
        registration.setOrder(2);
        return registration;
    }

    static final class MessageOnly extends OncePerRequestFilter {

        private final ObjectMapper json;

        MessageOnly(ObjectMapper json) {
            this.json = json;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            String uri = request.getRequestURI();
            return !"POST".equals(request.getMethod())
                    || !(uri.endsWith("/complete") || uri.endsWith("/submit-form") || uri.endsWith("/resolve"));
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
            try {
                chain.doFilter(request, wrapper);
                if (wrapper.getStatus() == HttpServletResponse.SC_BAD_REQUEST) {
                    rewrite(wrapper);
                }
            } finally {
                wrapper.copyBodyToResponse();
            }
        }

        private void rewrite(ContentCachingResponseWrapper wrapper) throws IOException {
            JsonNode body;
            try {
                body = json.readTree(wrapper.getContentAsByteArray());
            } catch (IOException notJson) {
                return;
            }
            if (!(body instanceof ObjectNode error) || !error.path("message").isTextual()) {
                return;
            }
            Matcher m = PREFIX.matcher(error.get("message").asText());
            if (!m.matches()) {
                return;
            }
            error.put("message", m.group(1));
            byte[] bytes = json.writeValueAsBytes(error);
            wrapper.resetBuffer();
            wrapper.setCharacterEncoding(StandardCharsets.UTF_8.name());
            wrapper.getOutputStream().write(bytes);
        }
    }
}
