package mn.sanal.platform;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.stereotype.Component;

/**
 * Camunda's handler of failed-job incidents, which asks the database for the incident of every job that ends, also
 * of the job that never failed. A job that has all its retries' worth left (more than 0), no exception message and no
 * stack trace cannot have one (Camunda opens the incident when the retries reach 0 and resolves it when they are set
 * above 0 again), so its end asks nothing: one statement less for every job (the deadline storm's 10,000 timers,
 * issue 14). Any other job, or one this command does not hold, goes to Camunda's handler as before.
 */
@Component
class FailedJobIncidents extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<IncidentHandler> handlers = configuration.getCustomIncidentHandlers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomIncidentHandlers());
        handlers.add(new Handler());
        configuration.setCustomIncidentHandlers(handlers);
    }

    static final class Handler extends DefaultIncidentHandler {

        Handler() {
            super(Incident.FAILED_JOB_HANDLER_TYPE);
        }

        @Override
        public void resolveIncident(IncidentContext context) {
            if (mayHaveIncident(context)) {
                super.resolveIncident(context);
            }
        }

        @Override
        public void deleteIncident(IncidentContext context) {
            if (mayHaveIncident(context)) {
                super.deleteIncident(context);
            }
        }

        /** False only for a job of this command that never failed and still has retries. */
        static boolean mayHaveIncident(IncidentContext context) {
            CommandContext command = Context.getCommandContext();
            if (command == null || context.getConfiguration() == null) {
                return true;
            }
            JobEntity job = command.getDbEntityManager().getCachedEntity(JobEntity.class, context.getConfiguration());
            return job == null || job.getRetries() <= 0 || job.getExceptionMessage() != null
                    || job.getExceptionByteArrayId() != null;
        }
    }
}
