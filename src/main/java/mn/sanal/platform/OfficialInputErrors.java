package mn.sanal.platform;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * What an official did wrong reaches them as a 400 with our Mongolian message, not as a 500. The engine wraps an
 * exception thrown by a task listener in {@code ENGINE-03051 Exception while invoking TaskListener: ...}, and the REST
 * API answers any such exception of a task completion with 500. This interceptor, outside every command, turns a
 * {@link FormFieldValidationException} or {@link BadUserRequestException} found inside such a wrapper back into what
 * it was, a rejected input, as the {@link FormFieldValidationException} the REST API answers with 400. {@link OfficialInputErrorResponses} then drops
 * the REST API's English prefix.
 */
@Component
class OfficialInputErrors extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> pre = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        pre.add(0, new Unwrap());
        configuration.setCustomPreCommandInterceptorsTxRequired(pre);
    }

    static final class Unwrap extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            try {
                return next.execute(command);
            } catch (ProcessEngineException e) {
                throw unwrapped(e);
            }
        }

        static ProcessEngineException unwrapped(ProcessEngineException e) {
            if (e instanceof BadUserRequestException || e instanceof FormFieldValidationException) {
                return e;
            }
            for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
                if (c instanceof FormFieldValidationException rejected) {
                    return rejected;
                }
                if (c instanceof BadUserRequestException rejected) {
                    return new FormFieldValidationException(null, rejected.getMessage(), rejected);
                }
            }
            return e;
        }
    }
}
