package dev.gyre.allinone;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PortsTest {

    @Test
    void picksDistinctPortsThatCanBeBound() throws IOException {
        List<Integer> ports = Ports.free(6);

        assertThat(ports).hasSize(6).doesNotHaveDuplicates().allMatch(port -> port > 0 && port < 65536);
        for (int port : ports) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress("127.0.0.1", port));
                assertThat(socket.getLocalPort()).isEqualTo(port);
            }
        }
    }

    @Test
    void tellsABusyPortFromAFreeOne() throws IOException {
        try (ServerSocket busy = new ServerSocket(0)) {
            assertThat(Ports.isFree(busy.getLocalPort())).isFalse();
        }
        int released = Ports.free(1).get(0);
        assertThat(Ports.isFree(released)).isTrue();
    }
}
