package mn.sanal.platform.tasks;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;

/**
 * The variables the running command has written so far: created, changed or removed, not yet flushed. The engine
 * keeps every variable a command touches in the command's entity cache until the end of the command; a new one is
 * transient there, a changed one differs from the copy taken when it was loaded, a removed one is marked deleted.
 * (Transient variables, which never reach the database, are not here; {@link FormFieldGuard} looks for them in the
 * task's scope.)
 */
final class WrittenVariables {

    private WrittenVariables() {
    }

    /** Of one process instance, or of every instance and standalone task when {@code processInstanceId} is null. */
    static List<VariableInstanceEntity> of(CommandContext context, String processInstanceId) {
        List<VariableInstanceEntity> written = new ArrayList<>();
        for (CachedDbEntity cached : context.getDbEntityManager().getDbEntityCache().getCachedEntities()) {
            if (cached.getEntity() instanceof VariableInstanceEntity variable
                    && (processInstanceId == null || processInstanceId.equals(variable.getProcessInstanceId()))
                    && changed(cached)) {
                written.add(variable);
            }
        }
        return written;
    }

    static boolean isRemoved(CommandContext context, VariableInstanceEntity variable) {
        return context.getDbEntityManager().getDbEntityCache().isDeleted(variable);
    }

    private static boolean changed(CachedDbEntity cached) {
        return switch (cached.getEntityState()) {
            case PERSISTENT -> cached.isDirty();
            default -> true; // TRANSIENT (new), MERGED, DELETED_*
        };
    }
}
