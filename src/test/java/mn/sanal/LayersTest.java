package mn.sanal;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Data flows one way: channel → intake → petitions (the process) → outbox → channel. A layer uses the ones after it,
 * never one before it: intake knows no channel, the petition process knows no intake, the outbox knows no petition.
 * The channels' outbound senders implement the outbox's interface, so the outbox needs no channel either.
 */
@AnalyzeClasses(packages = "mn.sanal", importOptions = ImportOption.DoNotIncludeTests.class)
class LayersTest {

    @ArchTest
    static final ArchRule dataFlowsOneWay = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("channels").definedBy("mn.sanal.channels..")
            .layer("intake").definedBy("mn.sanal.intake..")
            .layer("petitions").definedBy("mn.sanal.petitions..")
            .layer("outbox").definedBy("mn.sanal.outbox..")
            .whereLayer("channels").mayNotBeAccessedByAnyLayer()
            .whereLayer("intake").mayOnlyBeAccessedByLayers("channels")
            .whereLayer("petitions").mayOnlyBeAccessedByLayers("channels", "intake")
            .whereLayer("outbox").mayOnlyBeAccessedByLayers("channels", "intake", "petitions");
}
