package mn.sanal.supervision;

import java.util.List;

import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

import jakarta.servlet.ServletContext;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The plugin's REST root: {@code /camunda/api/cockpit/plugin/sanal-supervision/<engine>/overdue} (Cockpit's
 * security filter lets only logged-in users of that engine through) and its static assets.
 */
@Path("plugin/" + SupervisionPlugin.ID)
public class SupervisionRootResource extends AbstractCockpitPluginRootResource {

    public SupervisionRootResource() {
        super(SupervisionPlugin.ID);
    }

    @Override
    protected List<String> getAllowedAssets() {
        return List.of("app/plugin.js", "app/plugin.css");
    }

    @Path("{engineName}/overdue")
    public OverdueResource overdue(@PathParam("engineName") String engineName) {
        return subResource(new OverdueResource(engineName, servletContext), engineName);
    }

    /** The overdue dashboard of the logged-in user's area. */
    public static class OverdueResource extends AbstractCockpitPluginResource {

        private final ServletContext servletContext;

        OverdueResource(String engineName, ServletContext servletContext) {
            super(engineName);
            this.servletContext = servletContext;
        }

        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public OverdueReport report(@QueryParam("aimag") String aimag, @QueryParam("soum") String soum,
                                    @QueryParam("body") String body, @QueryParam("category") String category,
                                    @QueryParam("channel") String channel) {
            Area area = area();
            return SpringBeans.get(servletContext, OverdueQueries.class)
                    .report(area, new Filters(aimag, soum, body, category, channel));
        }

        /** The user's area; 403 for a user who watches nothing (not a supervisor, official or administrator). */
        Area area() {
            Area area = Area.of(getCurrentAuthentication());
            if (area.isNothing()) {
                throw new ForbiddenException("Хяналтын самбар зөвхөн хянагч, албан хаагчид харагдана");
            }
            return area;
        }
    }
}
