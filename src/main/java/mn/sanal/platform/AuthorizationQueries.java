package mn.sanal.platform;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * The engine's authorization checks at scale: an official's Tasklist filter over 100,000 open cases (800,000
 * authorization rows, 4,000 tasks in the official's body) took 6 s as Tasklist asks it. Two causes, two remedies
 * (measured with {@code SupervisionBenchmark}, README "Supervision at scale"):
 * <ol>
 * <li>In every engine command Camunda reads the id of every group holding any authorization ({@code SELECT
 * distinct(GROUP_ID_) FROM ACT_RU_AUTHORIZATION}, the whole table) to drop the user's groups that hold none. That
 * shortens the SQL for users of an LDAP with hundreds of groups; ours have a handful. A Tasklist page is several
 * commands (list, count, each embedded resource), each reading 800,000 rows. {@link GroupsAsTheyAre} keeps the
 * user's groups as they are: a group without authorizations matches no row, so what anyone may see or do is the same
 * (every authorization test of the build runs with it).</li>
 * <li>The task query joins the user's grants on {@code AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*')} after filtering
 * them by {@code PERMS_ & 2 = 2}. PostgreSQL cannot estimate a bit test, guesses a handful of grants where there are
 * 4,000, and compares every task with every grant (16 million comparisons). Extended statistics on the columns and
 * bit tests of that filter ({@link EngineSchemaAdditions}) give it the real count, and with {@code random_page_cost =
 * 1.1} (the database is on SSD and in memory) it looks each task's grant up in the resource id index instead: 4 s
 * became 0.11 s ({@code random_page_cost} is the {@code postgres} profile's connection setting). A plan PostgreSQL
 * caches for a prepared statement is made for any values and cannot use statistics on {@code PERMS_ & ? = ?}, so
 * the count Tasklist asks for stayed at 3 s until each execution was planned with its values
 * ({@link AuthorizedQueryPlans}).</li>
 * </ol>
 */
@Component
class AuthorizationQueries extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
        factories.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return AuthorizationManager.class;
            }

            @Override
            public Session openSession() {
                return new GroupsAsTheyAre();
            }
        });
        configuration.setCustomSessionFactories(factories);
    }

    /** Camunda's authorization manager without the read of every authorized group. */
    static class GroupsAsTheyAre extends AuthorizationManager {

        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
            if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
                return new ArrayList<>();
            }
            return new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds));
        }
    }
}
