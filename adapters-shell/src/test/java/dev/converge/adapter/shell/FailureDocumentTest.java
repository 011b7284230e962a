package dev.converge.adapter.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.domain.failure.ChangedFileException;
import dev.converge.domain.failure.MalformedFileException;
import dev.converge.domain.failure.RowRejectedException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FailureDocumentTest {

  @Test
  void aRejectedRowsFactsAreFieldsOfTheError() {
    RowRejectedException failure = new RowRejectedException("user", "id=7", "email", "'NULL'", "NOT NULL");
    Map<String, Object> document = FailureDocument.of("export", 7, "EXPORT", List.of(failure.getMessage()), failure);

    assertEquals("export", document.get("command"));
    assertEquals(7, document.get("status"));
    Map<?, ?> error = (Map<?, ?>) document.get("error");
    assertEquals("EXPORT", error.get("code"));
    assertEquals(failure.getMessage(), error.get("message"));
    assertEquals(List.of(), error.get("causes"));
    assertEquals("user", error.get("table"));
    assertEquals("id=7", error.get("key"));
    assertEquals("email", error.get("column"));
    assertEquals("'NULL'", error.get("value"));
    assertEquals("NOT NULL", error.get("rule"));
  }

  @Test
  void aMalformedFileNamesFileAndLineAndTheCausesFollowTheMessage() {
    MalformedFileException failure = new MalformedFileException("user_1.csv", 12, "wrong width", null);
    Map<?, ?> error = (Map<?, ?>) FailureDocument.of("validate", 8, "VALIDATION",
        List.of(failure.getMessage(), "because of this"), failure).get("error");

    assertEquals("user_1.csv", error.get("file"));
    assertEquals(12L, error.get("line"));
    assertEquals(List.of("because of this"), error.get("causes"));
  }

  @Test
  void aFileChangedSinceTheExportNamesTableAndFile() {
    ChangedFileException failure = new ChangedFileException("identities", "identities_1.csv",
        "table identities: identities_1.csv changed since it was exported");
    Map<?, ?> error = (Map<?, ?>) FailureDocument.of("import", 9, "IMPORT", List.of(failure.getMessage()), failure)
        .get("error");

    assertEquals("identities", error.get("table"));
    assertEquals("identities_1.csv", error.get("file"));
  }

  @Test
  void jsonIsAskedForWithEitherSpellingOfOutput() {
    assertTrue(FailureDocument.requested("plan", "--output", "json"));
    assertTrue(FailureDocument.requested("plan", "--output=JSON"));
    assertFalse(FailureDocument.requested("plan", "--output", "text"));
    assertFalse(FailureDocument.requested("plan", "json"));
  }
}
