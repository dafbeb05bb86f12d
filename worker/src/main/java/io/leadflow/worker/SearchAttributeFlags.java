package io.leadflow.worker;

import io.leadflow.workflows.LeadSearchAttributes;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.common.SearchAttributeKey;
import java.util.List;

/**
 * LeadFlow's custom search attributes as the Temporal CLI names them ({@code LeadStatus=Keyword}),
 * one per line, from {@link LeadSearchAttributes#ALL}: run-local.sh passes them to {@code temporal
 * server start-dev --search-attribute}, and a test holds docker-compose.yml to the same list.
 */
public final class SearchAttributeFlags {

  private SearchAttributeFlags() {}

  public static void main(String[] args) {
    lines().forEach(System.out::println);
  }

  static List<String> lines() {
    return LeadSearchAttributes.ALL.stream().map(SearchAttributeFlags::line).toList();
  }

  private static String line(SearchAttributeKey<?> key) {
    return key.getName() + "=" + cliType(key.getValueType());
  }

  private static String cliType(IndexedValueType type) {
    return switch (type) {
      case INDEXED_VALUE_TYPE_KEYWORD -> "Keyword";
      case INDEXED_VALUE_TYPE_TEXT -> "Text";
      case INDEXED_VALUE_TYPE_INT -> "Int";
      case INDEXED_VALUE_TYPE_DOUBLE -> "Double";
      case INDEXED_VALUE_TYPE_BOOL -> "Bool";
      case INDEXED_VALUE_TYPE_DATETIME -> "Datetime";
      case INDEXED_VALUE_TYPE_KEYWORD_LIST -> "KeywordList";
      default -> throw new IllegalArgumentException("No Temporal CLI type for " + type);
    };
  }
}
