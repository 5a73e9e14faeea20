package mn.sanal.petitions.process;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

import mn.sanal.petitions.PetitionHandlingProcess;

/**
 * Keeps form copies out of Camunda's history. Tasks of PetitionHandling versions deployed before the form values
 * ({@link TaskDetails} as {@code FormValues}, read when the form is opened) still get 15 task-local variables that
 * copy our tables for their form (the citizen's text and contact, the case history, labels); with history level
 * {@code full} each one would also be written as a historic variable and a historic detail: copies of the citizen's
 * personal data kept three years after the case ends, next to the case record that already holds them.
 * <p>
 * Camunda's own database history handler writes every other event as before (process variables, tasks, activities,
 * operation log); only variable events of those names, local to a task of the petition process, are dropped.
 */
@Component
class FormCopiesHistory extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        handlers.add(new WithoutFormCopies(new DbHistoryEventHandler()));
        configuration.setCustomHistoryEventHandlers(handlers);
        // the handler above replaces Camunda's default one (it wraps the same class)
        configuration.setEnableDefaultDbHistoryEventHandler(false);
    }

    static boolean isFormCopy(HistoryEvent event) {
        return event instanceof HistoricVariableUpdateEventEntity v
                && v.getTaskId() != null
                && PetitionHandlingProcess.KEY.equals(v.getProcessDefinitionKey())
                && TaskDetails.FORM_COPIES.contains(v.getVariableName());
    }

    /** Camunda's database history handler, without the form copies. */
    static final class WithoutFormCopies implements HistoryEventHandler {

        private final HistoryEventHandler db;

        WithoutFormCopies(HistoryEventHandler db) {
            this.db = db;
        }

        @Override
        public void handleEvent(HistoryEvent event) {
            if (!isFormCopy(event)) {
                db.handleEvent(event);
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            for (HistoryEvent event : events) {
                handleEvent(event);
            }
        }
    }
}
