// SPDX-License-Identifier: MIT
//
// A client of `lerq serve` with java.net.http (Java 11 or later) and
// nothing else: validates a document and, when it is valid, renders it
// as a PDF letter.
//
//   lerq serve &                       (127.0.0.1:8087 by default)
//   java LerqClient.java disclosure-request.xml letter.pdf
//   java LerqClient.java --url http://127.0.0.1:9000 response.xml
//
// Exit status: 0 valid (and the PDF written), 1 invalid, 2 on any other
// trouble. The findings are the JSON Lines of `lerq validate --json`; a
// real client would read them with its JSON library, this one prints them.

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

public final class LerqClient {
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String base;

    LerqClient(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private HttpResponse<byte[]> post(String path, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** POST /validate: true when valid (200), false when invalid (422). */
    boolean validate(byte[] document, StringBuilder findings)
            throws IOException, InterruptedException {
        HttpResponse<byte[]> answer = post("/validate", document);
        findings.append(new String(answer.body(), StandardCharsets.UTF_8));
        if (answer.statusCode() == 200)
            return true;
        if (answer.statusCode() == 422)
            return false;
        throw new IOException("POST /validate: HTTP " + answer.statusCode());
    }

    /** POST /render?to=pdf, written to @out through a temporary file. */
    void renderPdf(byte[] document, Path out) throws IOException, InterruptedException {
        HttpResponse<byte[]> answer = post("/render?to=pdf", document);
        String type = answer.headers().firstValue("Content-Type").orElse("");
        if (answer.statusCode() != 200 || !type.equals("application/pdf"))
            throw new IOException("POST /render: HTTP " + answer.statusCode());
        Path dir = out.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".letter", ".pdf");
        try {
            Files.write(tmp, answer.body());
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static void main(String[] args) {
        String url = "http://127.0.0.1:8087";
        int i = 0;
        if (args.length >= 2 && args[0].equals("--url")) {
            url = args[1];
            i = 2;
        }
        if (args.length - i < 1 || args.length - i > 2) {
            System.err.println("Usage: java LerqClient.java [--url URL] DOCUMENT [PDF]");
            System.exit(2);
        }
        try {
            LerqClient client = new LerqClient(url);
            byte[] document = Files.readAllBytes(Path.of(args[i]));
            StringBuilder findings = new StringBuilder();
            boolean valid = client.validate(document, findings);
            System.out.print(findings);
            System.out.println(args[i] + ": " + (valid ? "valid" : "invalid"));
            if (!valid)
                System.exit(1);
            if (args.length - i == 2) {
                client.renderPdf(document, Path.of(args[i + 1]));
                System.out.println(args[i + 1] + ": letter written");
            }
        } catch (IOException | InterruptedException e) {
            System.err.println("LerqClient: " + e.getMessage());
            System.exit(2);
        }
    }
}
