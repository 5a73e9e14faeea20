package mn.sanal.platform.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;

/**
 * A user task whose model names {@link FormValues} (extension property {@code formValues}): Camunda's form API returns
 * the values with the task's variables, read when asked for and never stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("test")
class FormValuesTest {

    static final AtomicInteger READS = new AtomicInteger();

    @TestConfiguration
    static class Beans {
        @Bean
        FormValues probeFormValues() {
            return (DelegateTask task) -> {
                READS.incrementAndGet();
                return Map.of("shownText", Variables.stringValue("read at " + READS.get()),
                        "shownTask", Variables.stringValue(task.getTaskDefinitionKey()));
            };
        }
    }

    @Autowired
    ProcessEngine engine;

    private String deployment;

    @AfterEach
    void undeploy() {
        if (deployment != null) {
            engine.getRepositoryService().deleteDeployment(deployment, true);
        }
    }

    @Test
    void theFormShowsTheValuesReadWhenAskedForAndTheTaskHoldsNone() {
        Task task = taskOf("FormValuesProbe", "${probeFormValues}");
        FormService forms = engine.getFormService();
        READS.set(0);

        // the form itself (Tasklist's GET /task/{id}/form) is Camunda's alone: no field (the REST API would take a
        // form without key but with fields for a generated one), nothing read
        assertThat(forms.getTaskFormData(task.getId()).getFormKey()).isNull();
        assertThat(forms.getTaskFormData(task.getId()).getFormFields()).isEmpty();
        assertThat(READS.get()).isZero();

        Map<String, Object> shown = forms.getTaskFormVariables(task.getId());
        assertThat(shown).containsEntry("shownText", "read at 1").containsEntry("shownTask", "Probe")
                .containsEntry("own", "a variable");
        assertThat(forms.getTaskFormVariables(task.getId(), List.of("shownTask"), true))
                .containsOnlyKeys("shownTask");
        // read again each time: what the form shows is what our tables hold now
        assertThat(forms.getTaskFormVariables(task.getId()).get("shownText")).isEqualTo("read at 3");
        assertThat(engine.getTaskService().getVariablesLocal(task.getId())).isEmpty();
        assertThat(engine.getRuntimeService().getVariables(task.getProcessInstanceId())).containsOnlyKeys("own");
    }

    @Test
    void aBeanThatIsNoFormValuesIsAClearError() {
        Task task = taskOf("FormValuesWrongBean", "${formValuesWrong}");
        assertThatThrownBy(() -> engine.getFormService().getTaskFormVariables(task.getId()))
                .hasMessageContaining("${formValuesWrong}").hasMessageContaining("no form values bean");
    }

    @Test
    void aTaskWithoutThePropertyShowsItsVariablesOnly() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("FormValuesNone").camundaHistoryTimeToLive(1)
                .startEvent().userTask("Probe").endEvent().done();
        deployment = engine.getRepositoryService().createDeployment().addModelInstance("none.bpmn", model)
                .deploy().getId();
        ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("FormValuesNone",
                Map.of("own", "a variable"));
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(engine.getFormService().getTaskFormVariables(task.getId())).containsOnlyKeys("own");
    }

    private Task taskOf(String key, String bean) {
        String model = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://sanal.mn/test">
                  <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="1">
                    <bpmn:startEvent id="Start" />
                    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Probe" />
                    <bpmn:userTask id="Probe">
                      <bpmn:extensionElements>
                        <camunda:properties><camunda:property name="%s" value="%s" /></camunda:properties>
                      </bpmn:extensionElements>
                    </bpmn:userTask>
                    <bpmn:sequenceFlow id="F2" sourceRef="Probe" targetRef="End" />
                    <bpmn:endEvent id="End" />
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(key, FormValues.PROPERTY, bean);
        deployment = engine.getRepositoryService().createDeployment().addString(key + ".bpmn", model)
                .deploy().getId();
        ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey(key, Map.of("own", "a variable"));
        return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    }

    @TestConfiguration
    static class WrongBean {
        @Bean
        Object formValuesWrong() {
            return new Object();
        }
    }
}
