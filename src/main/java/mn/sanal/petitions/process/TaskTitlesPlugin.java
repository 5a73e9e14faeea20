package mn.sanal.petitions.process;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import mn.sanal.petitions.PetitionHandlingProcess;
import mn.sanal.petitions.PetitionService;

/**
 * Gives every user task of the petition process {@link TaskTitles} as a built-in {@code create} listener, whatever
 * version of the model is deployed (a parse listener, as {@code TaskGuardPlugin} adds its guards): no model needs a
 * listener for Tasklist to show the tracking code and subject.
 */
@Component
class TaskTitlesPlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<PetitionService> petitions;

    TaskTitlesPlugin(ObjectProvider<PetitionService> petitions) {
        this.petitions = petitions;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        TaskListener titles = task -> new TaskTitles(petitions.getObject()).notify(task);
        BpmnParseListener userTasks = new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition
                        && PetitionHandlingProcess.KEY.equals(definition.getKey())
                        && activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
                    userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, titles);
                }
            }
        };
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(userTasks);
        configuration.setCustomPostBPMNParseListeners(listeners);
    }
}
