package dev.gyre.allinone;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {

    @Test
    void usesDefaultsAndGeneratesAUrlSafeAdminKey() {
        Settings settings = Settings.from(Map.of());

        assertThat(settings.gatewayPort()).isEqualTo(8080);
        assertThat(settings.databasePort()).isEqualTo(OptionalInt.empty());
        assertThat(settings.dataDir()).isEqualTo(Path.of(".gyre").toAbsolutePath().normalize());
        assertThat(settings.adminKeyGenerated()).isTrue();
        assertThat(settings.adminKey()).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(Settings.from(Map.of()).adminKey()).isNotEqualTo(settings.adminKey());
    }

    @Test
    void readsEveryVariable() {
        Settings settings = Settings.from(Map.of("GYRE_ADMIN_KEY", "k", "GYRE_PORT", "9090", "GYRE_DB_PORT", "5544",
                "GYRE_DATA_DIR", "/tmp/g", "GYRE_JAVA_OPTS", " -Xmx2g  -Dx=y "));

        assertThat(settings.adminKey()).isEqualTo("k");
        assertThat(settings.adminKeyGenerated()).isFalse();
        assertThat(settings.gatewayPort()).isEqualTo(9090);
        assertThat(settings.databasePort()).isEqualTo(OptionalInt.of(5544));
        assertThat(settings.dataDir()).isEqualTo(Path.of("/tmp/g"));
        assertThat(settings.javaOptions()).containsExactly("-Xmx2g", "-Dx=y");
    }

    @Test
    void rejectsAPortThatIsNotANumberNamingTheVariable() {
        assertThatThrownBy(() -> Settings.from(Map.of("GYRE_PORT", "eighty")))
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("GYRE_PORT").hasMessageContaining("eighty");
    }

    @Test
    void appendsJavaOptionsAfterTheDefaultsSoTheyWin() {
        ServiceSpec training = ServiceSpec.ALL.stream().filter(s -> s.name().equals("training-service")).findFirst().orElseThrow();
        ServiceSpec gateway = ServiceSpec.ALL.stream().filter(ServiceSpec::isGateway).findFirst().orElseThrow();

        List<String> options = training.javaOptions(List.of("-Xmx3g"));

        assertThat(options).contains("-XX:+UseSerialGC", "-Xmx1g").doesNotContain("-XX:TieredStopAtLevel=1");
        assertThat(options.indexOf("-Xmx3g")).isGreaterThan(options.indexOf("-Xmx1g"));
        assertThat(gateway.javaOptions(List.of())).contains("-Xmx192m", "-XX:TieredStopAtLevel=1");
    }

    @Test
    void keepsTheBlobsOfDataAndRegistryInADirectoryEachUnderTheDataDirectory() {
        Path dataDir = Path.of("/srv/gyre");

        for (ServiceSpec spec : ServiceSpec.ALL) {
            Map<String, String> env = spec.blobStoreEnvironment(dataDir);
            if (spec.name().equals("data-service") || spec.name().equals("registry-service")) {
                assertThat(env).containsEntry("GYRE_BLOBSTORE_TYPE", "filesystem")
                        .containsEntry("GYRE_BLOBSTORE_DIRECTORY", "/srv/gyre/blobs/" + spec.name());
            } else {
                assertThat(env).containsEntry("GYRE_BLOBSTORE_TYPE", null)
                        .containsEntry("GYRE_BLOBSTORE_DIRECTORY", null);
            }
        }
    }
}
