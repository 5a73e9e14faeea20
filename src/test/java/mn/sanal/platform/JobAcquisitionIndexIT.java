package mn.sanal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import mn.sanal.support.IntegrationTest;

/**
 * The job executor's acquisition finds due jobs through an index on PostgreSQL (EngineSchemaAdditions), also with
 * thousands of future timers in the table, as every open case holds.
 */
class JobAcquisitionIndexIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void dueJobsAreFoundThroughTheIndexNotByReadingEveryTimer() {
        assertThat(jdbc.sql("SELECT count(*) FROM pg_indexes WHERE tablename = 'act_ru_job'"
                + " AND indexname = 'act_idx_job_duedate'").query(Integer.class).single()).isOne();

        // 20,000 timers due next month, in a transaction rolled back at the end
        String plan = new TransactionTemplate(transactions).execute(status -> {
                    status.setRollbackOnly();
                    jdbc.sql("""
                            INSERT INTO act_ru_job (id_, rev_, type_, exclusive_, retries_, duedate_, handler_type_,
                              suspension_state_, priority_, sequence_counter_, create_time_)
                            SELECT 'it-timer-' || g, 1, 'timer', TRUE, 3, localtimestamp + interval '30 days', 'it',
                              1, 0, 1, localtimestamp FROM generate_series(1, 20000) g""").update();
                    jdbc.sql("ANALYZE act_ru_job").update();
                    return String.join("\n", jdbc.sql("""
                            EXPLAIN SELECT RES.ID_ FROM ACT_RU_JOB RES WHERE (RES.RETRIES_ > 0)
                              AND (RES.DUEDATE_ IS NULL OR RES.DUEDATE_ <= localtimestamp)
                              AND (RES.LOCK_OWNER_ IS NULL OR RES.LOCK_EXP_TIME_ < localtimestamp)
                              AND RES.SUSPENSION_STATE_ = 1 LIMIT 8""").query(String.class).list());
                });
        assertThat(plan).contains("act_idx_job_duedate").doesNotContain("Seq Scan on act_ru_job");
    }
}
