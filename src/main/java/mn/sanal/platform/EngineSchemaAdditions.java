package mn.sanal.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What Sanal adds to Camunda's schema, created after the engine built (or updated) it, each idempotent (README
 * "Running on PostgreSQL"). A database that refuses one (an older PostgreSQL, a user who does not own the tables)
 * gets a warning and slower queries, nothing else.
 * <ul>
 * <li>An index on the due date of Camunda's jobs, on every database. Each node's job executor asks for due jobs every
 * few seconds ({@code DUEDATE_ IS NULL OR DUEDATE_ <= now}, unlocked, a few at a time); Camunda's schema has no index
 * that answers it, so every acquisition read the whole job table. Every open case holds two or three timers, so at
 * 100,000 open cases one acquisition took 41 ms with nothing due, 0.05 ms with the index (README "The deadline
 * storm"). Camunda's documentation names this index for acquisition by due date.</li>
 * <li>On PostgreSQL (14 or later: statistics on expressions), extended statistics for the filter the engine puts on a
 * user's grants ({@link AuthorizationQueries}): the permission bits tested are READ (2: tasks, instances, history) and
 * READ_TASK (64: a definition's tasks); 1,000 is the size of the most-common-values list (groups × resource types ×
 * bits), refreshed by every ANALYZE, autovacuum's included.</li>
 * </ul>
 */
@Component
class EngineSchemaAdditions extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(EngineSchemaAdditions.class);

    record Addition(String what, boolean postgresOnly, List<String> statements) {
    }

    static final List<Addition> ADDITIONS = List.of(
            new Addition("due date index on act_ru_job", false,
                    List.of("CREATE INDEX IF NOT EXISTS act_idx_job_duedate ON act_ru_job (duedate_)")),
            new Addition("planner statistics on act_ru_authorization", true, List.of(
                    "CREATE STATISTICS IF NOT EXISTS act_ru_authorization_grants (mcv) ON type_, resource_type_,"
                            + " group_id_, (perms_ & 2), (perms_ & 64) FROM act_ru_authorization",
                    "ALTER STATISTICS act_ru_authorization_grants SET STATISTICS 1000")));

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        boolean postgres = "postgres".equals(configuration.getDatabaseType());
        try (Connection c = configuration.getDataSource().getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            for (Addition a : ADDITIONS) {
                if (a.postgresOnly() && !postgres) {
                    continue;
                }
                try {
                    for (String sql : a.statements()) {
                        s.execute(sql);
                    }
                } catch (SQLException e) {
                    LOG.warn("No {} ({}); some queries will be slow at scale", a.what(), e.getSQLState());
                }
            }
        } catch (SQLException e) {
            LOG.warn("Engine schema additions not made ({})", e.getSQLState());
        }
    }
}
