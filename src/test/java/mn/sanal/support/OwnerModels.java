package mn.sanal.support;

/**
 * The smallest model a process owner may deploy under the house rules (notes/house-rules.md): ids on purpose,
 * versionTag, historyTimeToLive, executionPlatform and every element laid out. For tests that deploy as {@code owner}.
 */
public final class OwnerModels {

    private OwnerModels() {
    }

    /** Process {@code key}: a start event, a flow, an end event. */
    public static String startToEnd(String key) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
                    xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_%1$s"
                    targetNamespace="https://sanal.mn/it" modeler:executionPlatform="Camunda Platform">
                  <bpmn:process id="%1$s" isExecutable="true" camunda:versionTag="1" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="StartEvent_Started" />
                    <bpmn:sequenceFlow id="Flow_Done" sourceRef="StartEvent_Started" targetRef="EndEvent_Done" />
                    <bpmn:endEvent id="EndEvent_Done" />
                  </bpmn:process>
                  <bpmndi:BPMNDiagram id="BPMNDiagram_%1$s">
                    <bpmndi:BPMNPlane id="BPMNPlane_%1$s" bpmnElement="%1$s">
                      <bpmndi:BPMNShape id="StartEvent_Started_di" bpmnElement="StartEvent_Started">
                        <dc:Bounds x="150" y="100" width="36" height="36" />
                      </bpmndi:BPMNShape>
                      <bpmndi:BPMNShape id="EndEvent_Done_di" bpmnElement="EndEvent_Done">
                        <dc:Bounds x="250" y="100" width="36" height="36" />
                      </bpmndi:BPMNShape>
                      <bpmndi:BPMNEdge id="Flow_Done_di" bpmnElement="Flow_Done">
                        <di:waypoint x="186" y="118" />
                        <di:waypoint x="250" y="118" />
                      </bpmndi:BPMNEdge>
                    </bpmndi:BPMNPlane>
                  </bpmndi:BPMNDiagram>
                </bpmn:definitions>
                """.formatted(key);
    }
}
