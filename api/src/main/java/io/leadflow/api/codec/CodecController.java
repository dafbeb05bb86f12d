package io.leadflow.api.codec;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.leadflow.activities.temporal.PayloadEncryption;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.payload.codec.PayloadCodecException;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Temporal's codec server protocol, for the Temporal UI and CLI: {@code POST …/decode} and
 * {@code …/encode} take {@code {"payloads": [...]}} in protobuf's JSON (metadata values and data
 * base64) and answer the same, run through {@link PayloadEncryption}. Operators only (MANAGER,
 * ADMIN): it opens any lead's workflow data, whoever the lead is assigned to. docs/operations.md,
 * "Personal data in Temporal", says how to point the UI and the CLI at it.
 */
@RestController
@RequestMapping(CodecController.PATH)
class CodecController {

  static final String PATH = "/api/v1/codec";

  record SignedIn(String detail) {}

  private static final JsonFormat.Parser PARSER = JsonFormat.parser().ignoringUnknownFields();
  private static final JsonFormat.Printer PRINTER = JsonFormat.printer().omittingInsignificantWhitespace();

  private final PayloadEncryption encryption;

  CodecController(PayloadEncryption encryption) {
    this.encryption = encryption;
  }

  @PostMapping(path = "/decode", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  String decode(@RequestBody String payloads) throws InvalidProtocolBufferException {
    return convert(payloads, encryption::decode);
  }

  @PostMapping(path = "/encode", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  String encode(@RequestBody String payloads) throws InvalidProtocolBufferException {
    return convert(payloads, encryption::encode);
  }

  /** Opened in a browser, it asks for the key (user name: anything): the Temporal UI then sends it along. */
  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  SignedIn signIn() {
    return new SignedIn("This key may decode Temporal payloads; the Temporal UI in this browser now can too.");
  }

  @ExceptionHandler(InvalidProtocolBufferException.class)
  ProblemDetail notPayloads(InvalidProtocolBufferException e) {
    return problem("The body is not Temporal's {\"payloads\": [...]} in protobuf JSON: " + e.getMessage());
  }

  @ExceptionHandler(PayloadCodecException.class)
  ProblemDetail notDecrypted(PayloadCodecException e) {
    return problem(e.getMessage());
  }

  private static String convert(String json, UnaryOperator<List<Payload>> codec) throws InvalidProtocolBufferException {
    Payloads.Builder payloads = Payloads.newBuilder();
    PARSER.merge(json, payloads);
    return PRINTER.print(Payloads.newBuilder().addAllPayloads(codec.apply(payloads.getPayloadsList())));
  }

  private static ProblemDetail problem(String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setTitle("Payloads not converted");
    return problem;
  }
}
