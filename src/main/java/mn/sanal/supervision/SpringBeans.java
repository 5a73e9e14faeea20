package mn.sanal.supervision;

import org.springframework.web.context.support.WebApplicationContextUtils;

import jakarta.servlet.ServletContext;

/**
 * Cockpit creates its plugins' JAX-RS resources itself, outside Spring: they reach our Spring beans through the web
 * application context of the servlet context they run in.
 */
public final class SpringBeans {

    private SpringBeans() {
    }

    public static <T> T get(ServletContext servletContext, Class<T> type) {
        return WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext).getBean(type);
    }
}
