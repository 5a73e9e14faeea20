package mn.sanal.platform;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.postgresql.PGStatement;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import com.zaxxer.hikari.HikariDataSource;

/**
 * On PostgreSQL, the engine's reads with an authorization check (what a logged-in official asks: Tasklist's lists
 * and counts, Cockpit, the REST API) are planned with their values every time; every other statement uses
 * PostgreSQL's plan cache.
 * <p>
 * After five executions the JDBC driver prepares a statement on the server, and PostgreSQL may then keep one plan
 * for any values. For the count of a body's tasks that plan cannot use the statistics on the permission bits
 * ({@link EngineSchemaAdditions}): it guesses one grant where there are thousands and compares every task with every
 * grant, 3 s at 100,000 open cases instead of 0.1 s (README "Supervision at scale"). Planning <em>every</em>
 * statement with its values ({@code plan_cache_mode = force_custom_plan} on every connection, shipped before) fixed
 * that but made the job executor's thousands of small statements cost a third more database CPU (README "The
 * deadline storm"). Here only a statement that reads with the authorization check (its SQL joins
 * {@code ACT_RU_AUTHORIZATION}; the engine adds that only for a logged-in user) is sent unprepared
 * ({@link PGStatement#setPrepareThreshold} 0), and PostgreSQL plans an unnamed statement with the values it is given.
 * The choice depends on the statement alone, not on the thread that runs it.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizedQueryPlans {

    private static final Pattern AUTHORIZED_READ = Pattern.compile(
            "^\\s*\\(?\\s*select\\b.*\\bact_ru_authorization\\b", Pattern.DOTALL);
    /** The engine's look-up of grants themselves (when it creates or checks one): small, planned from the cache. */
    private static final Pattern GRANT_LOOKUP = Pattern.compile(
            "^\\s*select\\s+[^(]*?\\bfrom\\s+act_ru_authorization\\b");

    /**
     * Whether PostgreSQL should plan this statement with its values every time. Called for every statement the
     * application prepares, so the common answer is a plain search: Camunda names the table in capitals, our own SQL
     * in small letters (lowering and matching every statement was 5 % of a node's CPU in the deadline storm, JFR).
     */
    static boolean plannedWithValues(String sql) {
        if (sql == null || sql.indexOf("ACT_RU_AUTHORIZATION") < 0 && sql.indexOf("act_ru_authorization") < 0) {
            return false;
        }
        String lower = sql.toLowerCase(Locale.ROOT);
        return AUTHORIZED_READ.matcher(lower).find() && !GRANT_LOOKUP.matcher(lower).find();
    }

    @Bean
    static BeanPostProcessor authorizedQueryPlansDataSource() {
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

    /** The pool, whose connections prepare authorization-checked reads unprepared on the server. */
    static final class PlanningDataSource extends DelegatingDataSource {

        PlanningDataSource(DataSource pool) {
            super(pool);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return planning(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return planning(super.getConnection(username, password));
        }

        static Connection planning(Connection connection) {
            return (Connection) Proxy.newProxyInstance(AuthorizedQueryPlans.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, new Planning(connection));
        }
    }

    private record Planning(Connection target) implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "equals" -> {
                    return proxy == args[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "toString" -> {
                    return "planning " + target;
                }
                default -> {
                }
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getTargetException();
            }
            if (result instanceof PreparedStatement statement && method.getName().equals("prepareStatement")
                    && args.length > 0 && args[0] instanceof String sql && plannedWithValues(sql)) {
                statement.unwrap(PGStatement.class).setPrepareThreshold(0);
            }
            return result;
        }
    }
}
