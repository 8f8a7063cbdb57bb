package org.sipredundancy.hal.host;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for "localhost" made at test time with the JDK's keytool, and a trust store holding
 * it, so no key material lives in the repository.
 */
final class TestCertificates
{
    static final String PASSWORD = "sip-test-secret";
    static final String SERVER_NAME = "localhost";

    final Path keyStore;
    final Path trustStore;

    private TestCertificates(final Path keyStore, final Path trustStore)
    {
        this.keyStore = keyStore;
        this.trustStore = trustStore;
    }

    static TestCertificates generate(final Path directory) throws Exception
    {
        final Path keyStore = directory.resolve("server.p12");
        final Path certificate = directory.resolve("server.pem");
        final Path trustStore = directory.resolve("trust.p12");
        keytool("-genkeypair", "-alias", SERVER_NAME, "-keyalg", "EC", "-groupname", "secp256r1",
            "-dname", "CN=" + SERVER_NAME, "-ext", "SAN=dns:" + SERVER_NAME, "-validity", "2",
            "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", SERVER_NAME, "-keystore", keyStore.toString(),
            "-storetype", "PKCS12", "-storepass", PASSWORD, "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", SERVER_NAME, "-file", certificate.toString(),
            "-keystore", trustStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        return new TestCertificates(keyStore, trustStore);
    }

    SSLContext serverContext() throws Exception
    {
        final KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore))
        {
            store.load(in, PASSWORD.toCharArray());
        }
        final KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(store, PASSWORD.toCharArray());
        final SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), null, null);
        return context;
    }

    HostNetworkContext trustingNetworkContext()
    {
        return new HostNetworkContext()
            .trustStorePath(trustStore)
            .trustStorePassword(PASSWORD.toCharArray())
            .trustStoreType("PKCS12");
    }

    private static void keytool(final String... arguments) throws Exception
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0)
        {
            throw new IllegalStateException("keytool failed: " + command + "\n" + output);
        }
    }
}
