package mn.sanal.platform;

import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The officials' Tasklist filters, created once at start-up and readable by every user. */
@Component
class TasklistFilters {

    static final String MY_TASKS = "Миний даалгавар";
    static final String MY_BODY = "Манай байгууллагын даалгавар";
    static final String OVERDUE = "Хугацаа хэтэрсэн";
    static final String DUE_SOON = "3 хоногт дуусах";

    private final FilterService filters;
    private final TaskService tasks;
    private final AuthorizationService authorizations;

    TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
        this.filters = filters;
        this.tasks = tasks;
        this.authorizations = authorizations;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    void createFilters() {
        create(MY_TASKS, -10, "Надад хуваарилагдсан даалгавар",
                query().taskAssigneeExpression("${currentUser()}"));
        create(MY_BODY, -5, "Миний байгууллагад ирсэн, хэн ч аваагүй болон авсан даалгавар",
                query().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
        create(OVERDUE, 0, "Хариу өгөх хугацаа өнгөрсөн", query().dueBeforeExpression("${now()}"));
        create(DUE_SOON, 5, "Хариу өгөх хугацаа 3 хоногийн дотор дуусна",
                query().dueAfterExpression("${now()}").dueBeforeExpression("${dateTime().plusDays(3).toDate()}"));
    }

    private TaskQuery query() {
        return tasks.createTaskQuery().orderByTaskPriority().desc().orderByDueDate().asc();
    }

    private void create(String name, int priority, String description, TaskQuery query) {
        if (filters.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        Filter f = filters.newTaskFilter(name).setQuery(query)
                .setProperties(Map.of("priority", priority, "description", description, "refresh", true));
        filters.saveFilter(f);
        Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
        read.setResource(Resources.FILTER);
        read.setResourceId(f.getId());
        read.addPermission(Permissions.READ);
        authorizations.saveAuthorization(read);
    }
}
