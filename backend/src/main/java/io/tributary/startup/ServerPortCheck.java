package io.tributary.startup;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.springframework.boot.web.server.reactive.context.ReactiveWebServerApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Stops the start at once when the HTTP port ({@code SERVER_PORT}) is taken. The web server binds its port last, after
 * the embedded database has started (creating a store on a first run) and migrations have run: only then did the start
 * fail, without naming the setting to change. Registered in {@code META-INF/spring.factories}; runs before any bean.
 */
public class ServerPortCheck implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!(context instanceof ReactiveWebServerApplicationContext)) {
            return; // no HTTP server will start (a test's mock web environment)
        }
        Environment environment = context.getEnvironment();
        int port = environment.getProperty("server.port", Integer.class, 8080);
        if (port <= 0) {
            return; // 0: a free port the system picks; -1: no HTTP server
        }
        String address = environment.getProperty("server.address");
        // As the web server binds: all interfaces (or server.address), address reuse on.
        try (var socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(address == null ? new InetSocketAddress(port) : new InetSocketAddress(address, port));
        } catch (BindException e) {
            throw new ServerPortInUseException(port, e);
        } catch (IOException | IllegalArgumentException e) {
            // Anything else (an address not on this host, ...) is for the web server to report when it binds.
        }
    }
}
