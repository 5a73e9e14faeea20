package mn.sanal.analytics;

import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

import jakarta.servlet.ServletContext;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import mn.sanal.analytics.AnalyticsQueries.GroupBy;
import mn.sanal.supervision.Area;
import mn.sanal.supervision.Filters;
import mn.sanal.supervision.SpringBeans;

/**
 * Analytics for the Cockpit page: {@code /camunda/api/cockpit/plugin/sanal-analytics/<engine>/report} (JSON) and
 * {@code .../csv} (the same rows as CSV), each for the logged-in user's area only (see {@link Area}). Registered by
 * the Cockpit plugin {@code sanal-supervision}; this root has no assets of its own.
 */
@Path("plugin/" + AnalyticsRootResource.PATH)
public class AnalyticsRootResource extends AbstractCockpitPluginRootResource {

    public static final String PATH = "sanal-analytics";

    public AnalyticsRootResource() {
        super(PATH);
    }

    @Path("{engineName}")
    public AnalyticsResource analytics(@PathParam("engineName") String engineName) {
        return subResource(new AnalyticsResource(engineName, servletContext), engineName);
    }

    public static class AnalyticsResource extends AbstractCockpitPluginResource {

        private final ServletContext servletContext;

        AnalyticsResource(String engineName, ServletContext servletContext) {
            super(engineName);
            this.servletContext = servletContext;
        }

        @GET
        @Path("report")
        @Produces(MediaType.APPLICATION_JSON)
        public AnalyticsReport report(@QueryParam("aimag") String aimag, @QueryParam("soum") String soum,
                                      @QueryParam("body") String body, @QueryParam("category") String category,
                                      @QueryParam("channel") String channel, @QueryParam("groupBy") String groupBy) {
            return queries().report(area(), new Filters(aimag, soum, body, category, channel), groupBy(groupBy),
                    true);
        }

        @GET
        @Path("csv")
        @Produces("text/csv")
        public Response csv(@QueryParam("aimag") String aimag, @QueryParam("soum") String soum,
                            @QueryParam("body") String body, @QueryParam("category") String category,
                            @QueryParam("channel") String channel, @QueryParam("groupBy") String groupBy) {
            GroupBy by = groupBy(groupBy);
            AnalyticsReport report = queries().report(area(), new Filters(aimag, soum, body, category, channel), by,
                    false);
            return Response.ok(AnalyticsCsv.write(report.rows()), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"sanal-analytics-"
                            + by.name().toLowerCase() + ".csv\"")
                    .build();
        }

        private static GroupBy groupBy(String s) {
            try {
                return GroupBy.parse(s);
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("groupBy: body, soum or aimag");
            }
        }

        private AnalyticsQueries queries() {
            return SpringBeans.get(servletContext, AnalyticsQueries.class);
        }

        private Area area() {
            Area area = Area.of(getCurrentAuthentication());
            if (area.isNothing()) {
                throw new ForbiddenException("Шинжилгээ зөвхөн хянагч, албан хаагчид харагдана");
            }
            return area;
        }
    }
}
