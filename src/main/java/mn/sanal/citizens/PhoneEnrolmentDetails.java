package mn.sanal.citizens;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import mn.sanal.citizens.PhoneEnrolmentProcess.Data;
import mn.sanal.organisations.OrganisationService;

/** {@code ${phoneEnrolmentDetails}} on create: what the approver sees, as task-local variables. */
@Component("phoneEnrolmentDetails")
class PhoneEnrolmentDetails implements TaskListener {

    private final CitizenRegister register;
    private final OrganisationService organisations;

    PhoneEnrolmentDetails(CitizenRegister register, OrganisationService organisations) {
        this.register = register;
        this.organisations = organisations;
    }

    @Override
    public void notify(DelegateTask task) {
        Citizen c = register.byId(Data.CITIZEN_ID.get(task)).orElseThrow();
        Data.PERSON_NAME.setLocal(task, c.familyName() + " " + c.givenName());
        Data.REGISTER_NO.setLocal(task, c.registerNo());
        Data.BAG_NAME.setLocal(task, organisations.describe(c.aimagCode(), c.soumCode(), c.bagCode()));
        Data.PHONE_SHOWN.setLocal(task, Data.PHONE.get(task));
    }
}
