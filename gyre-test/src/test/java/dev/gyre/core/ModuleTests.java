package dev.gyre.core;

import dev.gyre.test.ModuleRules;
import org.junit.jupiter.api.Test;

/**
 * gyre-core's packages: no cycle, no reach into another package's sub-packages. It lives here because gyre-test
 * depends on gyre-core, so gyre-core's own tests cannot use the rules.
 */
class ModuleTests {
    @Test
    void packagesStayApart() {
        ModuleRules.library("dev.gyre.core").check();
    }
}
