package dev.converge.adapter.json.archfixture;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Breaks the YAML rule: YAML read outside adapters-yaml. */
public class JsonAdapterReadingYaml {
  public Object yaml() {
    return new YAMLFactory();
  }
}
