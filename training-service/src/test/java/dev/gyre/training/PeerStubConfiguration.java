package dev.gyre.training;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Ties the JVM-wide {@link PeerStub} to the cached context, so that it stops when the context closes. */
@TestConfiguration(proxyBeanMethods = false)
class PeerStubConfiguration {

    @Bean(destroyMethod = "close")
    PeerStub peerStub() {
        return TrainingServiceTestBase.PEERS;
    }
}
