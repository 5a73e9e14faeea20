package mn.sanal.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * An index on the due date of Camunda's jobs. Each node's job executor asks for due jobs every few seconds ({@code
 * DUEDATE_ IS NULL OR DUEDATE_ <= now}, unlocked, a few at a time); Camunda's schema has no index that answers it,
 * so every acquisition read the whole job table. Every open case holds two or three timers (reminder, legal deadline,
 * rating), so at 100,000 open cases one acquisition took 41 ms with nothing due, and in a deadline storm it was a
 * quarter of the database's time (README "The deadline storm"). With the index: 0.05 ms. Camunda's documentation
 * names this index for acquisition by due date; it is created here, after the engine built its schema, on H2 and
 * PostgreSQL alike.
 */
@Component
class JobAcquisitionIndex extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(JobAcquisitionIndex.class);

    static final String INDEX = "CREATE INDEX IF NOT EXISTS act_idx_job_duedate ON act_ru_job (duedate_)";

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        try (Connection c = configuration.getDataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(INDEX);
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            LOG.warn("No due date index on act_ru_job ({}); job acquisition reads the whole job table",
                    e.getSQLState());
        }
    }
}
