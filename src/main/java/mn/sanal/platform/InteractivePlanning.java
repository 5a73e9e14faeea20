package mn.sanal.platform;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.web.filter.OncePerRequestFilter;

import com.zaxxer.hikari.HikariDataSource;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * On PostgreSQL, what a person waits for is planned with its values; background work keeps PostgreSQL's cached plans.
 * <p>
 * A plan PostgreSQL caches for a prepared statement is made for any values. For Tasklist's count of a body's tasks
 * that plan cannot use the statistics on the permission bits ({@link AuthorizationQueries}): it guesses one grant
 * where there are thousands and compares every task with every grant, 3 s at 100,000 open cases instead of 0.1 s.
 * Planning every statement with its values ({@code plan_cache_mode = force_custom_plan}) fixes that, but for the job
 * executor's thousands of small statements it cost a quarter more database CPU (deadline storm: 2,000 cases in 49.7 s
 * instead of 38.1 s, README "The deadline storm"). So the setting follows the thread: a connection taken while an HTTP
 * request is served (Tasklist, Cockpit, the REST API, Open311) plans with values; one taken by the job executor,
 * intake or the outbox plans as PostgreSQL does by default. A connection is switched only when it changes sides.
 */
@Configuration(proxyBeanMethods = false)
class InteractivePlanning {

    static final String INTERACTIVE = "SET plan_cache_mode = force_custom_plan";
    static final String BACKGROUND = "SET plan_cache_mode = auto";

    private static final ThreadLocal<Boolean> SERVING_REQUEST = new ThreadLocal<>();

    static boolean isInteractive() {
        return Boolean.TRUE.equals(SERVING_REQUEST.get());
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> interactivePlanningFilter() {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                SERVING_REQUEST.set(Boolean.TRUE);
                try {
                    chain.doFilter(request, response);
                } finally {
                    SERVING_REQUEST.remove();
                }
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    static BeanPostProcessor interactivePlanningDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null
                        && hikari.getJdbcUrl().startsWith("jdbc:postgresql:")) {
                    return new PlanningDataSource(hikari);
                }
                return bean;
            }
        };
    }

    /** The pool, with each connection's plan cache mode set for the side of the thread that takes it. */
    static final class PlanningDataSource extends DelegatingDataSource {

        /** Per physical connection: whether it plans with values now. */
        private final Map<Object, Boolean> interactive = Collections.synchronizedMap(new WeakHashMap<>());

        PlanningDataSource(DataSource pool) {
            super(pool);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return prepared(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return prepared(super.getConnection(username, password));
        }

        private Connection prepared(Connection c) throws SQLException {
            boolean wanted = isInteractive();
            Object physical = c.unwrap(Connection.class); // the pool's connection behind its per-loan proxy
            if (!Boolean.valueOf(wanted).equals(interactive.getOrDefault(physical, Boolean.FALSE))) {
                try (Statement s = c.createStatement()) {
                    s.execute(wanted ? INTERACTIVE : BACKGROUND);
                } catch (SQLException e) {
                    c.close();
                    throw e;
                }
                interactive.put(physical, wanted);
            }
            return c;
        }
    }
}
