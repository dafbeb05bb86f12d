package io.leadflow.api.imports;

import io.leadflow.api.security.ApiPrincipal;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** List imports (ADMIN): upload a CSV with its column mapping, follow its progress, read each row's result. */
@RestController
@RequestMapping("/api/v1/admin/imports")
class ListImportController {

  static final String CSV = "text/csv";

  private final ListImports imports;
  private final ImportStore store;
  private final ImportResultsCsv resultsCsv;

  ListImportController(ListImports imports, ImportStore store, ImportResultsCsv resultsCsv) {
    this.imports = imports;
    this.store = store;
    this.resultsCsv = resultsCsv;
  }

  /** {@code 202} a new import, {@code 200} the same file and mapping imported before: that import. */
  @PostMapping(consumes = CSV)
  ResponseEntity<ImportView> upload(
      @RequestParam @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9 ._:/-]+", message = "letters, digits and . _ : / - only")
          String source,
      @RequestParam(name = "column", required = false) List<String> columns,
      @RequestParam(name = "default", required = false) List<String> defaults,
      InputStream body,
      @AuthenticationPrincipal ApiPrincipal caller) {
    ImportMapping mapping = ImportMapping.parse(columns == null ? List.of() : columns, defaults == null ? List.of() : defaults);
    ListImports.Uploaded uploaded = imports.upload(source.strip(), mapping, body, caller.keyId());
    ImportView view = store.view(uploaded.id()).orElseThrow();
    return (uploaded.created() ? ResponseEntity.accepted() : ResponseEntity.ok())
        .location(URI.create("/api/v1/admin/imports/" + uploaded.id()))
        .body(view);
  }

  /** Newest first. */
  @GetMapping
  List<ImportView> imports(@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
    return store.newest(limit);
  }

  @GetMapping("/{id}")
  ImportView progress(@PathVariable UUID id) {
    return store.view(id).orElseThrow(() -> ImportProblems.notFound(id));
  }

  /** In file order, from the row after {@code after}; only rows with {@code outcome} when given. */
  @GetMapping("/{id}/rows")
  ImportRowView.Page rows(
      @PathVariable UUID id,
      @RequestParam(required = false) RowResult.Outcome outcome,
      @RequestParam(defaultValue = "0") @Min(0) int after,
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
    store.view(id).orElseThrow(() -> ImportProblems.notFound(id));
    List<ImportRowView> rows = store.rows(id, outcome, after, limit);
    return new ImportRowView.Page(rows, rows.size() < limit ? null : rows.get(rows.size() - 1).row());
  }

  /** Every row's result as a CSV file, read from PostgreSQL a page at a time. */
  @GetMapping("/{id}/rows.csv")
  void rowsCsv(@PathVariable UUID id, HttpServletResponse response) throws IOException {
    store.view(id).orElseThrow(() -> ImportProblems.notFound(id));
    response.setContentType(CSV + ";charset=UTF-8");
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"import-" + id + "-rows.csv\"");
    resultsCsv.write(id, response.getOutputStream());
  }
}
