package mn.sanal.supervision;

import java.util.Set;

import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

import mn.sanal.analytics.AnalyticsRootResource;

/**
 * Sanal's Cockpit plugin: the overdue dashboard (on Cockpit's dashboard and as its own page, with a header link) and
 * the analytics page. Registered in {@code META-INF/services/org.camunda.bpm.cockpit.plugin.spi.CockpitPlugin}.
 * Its front end is a plain JavaScript module, {@code plugin-webapp/sanal-supervision/app/plugin.js} (Camunda's
 * 7.14+ format, no build step); since 7.20 Cockpit serves only the assets a plugin declares
 * ({@link SupervisionRootResource#getAllowedAssets()}).
 */
public class SupervisionPlugin extends AbstractCockpitPlugin {

    public static final String ID = "sanal-supervision";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Set<Class<?>> getResourceClasses() {
        return Set.of(SupervisionRootResource.class, AnalyticsRootResource.class);
    }
}
