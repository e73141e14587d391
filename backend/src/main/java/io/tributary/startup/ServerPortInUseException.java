package io.tributary.startup;

import java.net.BindException;

/** The HTTP port is taken by another process; found before anything else starts. */
final class ServerPortInUseException extends RuntimeException {

    private final int port;

    ServerPortInUseException(int port, BindException cause) {
        super("Port " + port + " is already in use", cause);
        this.port = port;
    }

    int port() {
        return port;
    }
}
