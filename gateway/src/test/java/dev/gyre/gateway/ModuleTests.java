package dev.gyre.gateway;

import dev.gyre.test.ModuleRules;
import org.junit.jupiter.api.Test;

/**
 * The service's packages (see {@link ModuleRules#service}): no cycle, no reach into another feature's sub-packages or
 * persistence, and public only what another package uses.
 */
class ModuleTests {
    @Test
    void featuresStayApart() {
        ModuleRules.service("dev.gyre.gateway").check();
    }
}
