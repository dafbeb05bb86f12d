package io.leadflow.api.admin;

import io.leadflow.activities.routing.Account;
import io.leadflow.activities.routing.AccountStore;
import io.leadflow.activities.routing.RepStore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Known accounts (ADMIN): leads from their email domains (and subdomains) are linked to them and
 * go to the owner first. A domain belongs to one account.
 */
@RestController
@RequestMapping("/api/v1/admin/accounts")
class AccountController {

  record AccountRequest(
      @NotBlank @Size(max = 200) String name,
      @NotEmpty @Size(max = 50)
          List<@Pattern(regexp = "(?i)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+", message = "a domain, e.g. acme.com") @Size(max = 253) String>
              domains,
      @Size(max = 64) @Pattern(regexp = AdminIds.PATTERN, message = AdminIds.MESSAGE) String ownerRepId,
      @Size(max = 100) String industry,
      @Min(1) @Max(10_000_000) Integer employees) {

    AccountRequest {
      domains = domains == null ? null : domains.stream().map(d -> d == null ? null : d.strip().toLowerCase(Locale.ROOT)).distinct().toList();
    }

    Account toAccount(String id) {
      return new Account(id, name, domains, ownerRepId, industry, employees);
    }
  }

  private final AccountStore accounts;
  private final RepStore reps;

  AccountController(AccountStore accounts, RepStore reps) {
    this.accounts = accounts;
    this.reps = reps;
  }

  @GetMapping
  List<Account> all() {
    return accounts.all();
  }

  @GetMapping("/{id}")
  Account one(@PathVariable String id) {
    return accounts.find(id).orElseThrow(() -> AdminProblems.notFound("account", id));
  }

  /** 201 when the account is new, 200 when it replaced one; 409 when a domain is another account's. */
  @PutMapping("/{id}")
  ResponseEntity<Account> save(
      @PathVariable String id,
      @Valid @RequestBody AccountRequest request) {
    AdminIds.checked(id);
    if (request.ownerRepId() != null && !reps.unknown(List.of(request.ownerRepId())).isEmpty()) {
      throw AdminProblems.unknownReferences("ownerRepId", "No such rep: " + request.ownerRepId() + ".");
    }
    accounts.domainsOfOthers(id, request.domains()).stream()
        .findFirst()
        .ifPresent(taken -> {
          throw AdminProblems.conflict(taken + ".");
        });
    boolean created = accounts.save(request.toAccount(id));
    return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(one(id));
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable String id) {
    if (!accounts.delete(id)) {
      throw AdminProblems.notFound("account", id);
    }
  }
}
