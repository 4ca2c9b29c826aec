"""Portable plan templates, one entry point per direction.

- :func:`.export.export_plan`: a plan as a versioned JSON document
  (``"schema": "handlingsplan-template"``) and a report of what was left out;
- :func:`.check.load_template` / :func:`.check.check_document`: read and check a document
  (size, JSON syntax, the JSON Schema in ``plan/schemas/plan-template.schema.json``, content);
- :func:`.importer.import_plan`: a checked document as draft pages of a branch.

``refs`` writes references to snippets, media and pages as portable names, numbers and URLs;
``resolver`` finds or creates them again on import. ``docs/template-format.md`` describes the
document. Export and import use the plan-tree serializer that forking uses
(``plan.services.plan_tree``).
"""
