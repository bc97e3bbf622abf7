#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 25033:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ CONTRACTS)
/* harmony export */ });
const CONTRACTS = {
    'apim-migrate': {
        title: 'SnapLogic APIM migrate',
        description: 'Migrate a SnapLogic APIM 3.0 Service version (pipelines, tasks, accounts, files, policies) to another environment, follow the migration to its end, and fail when any asset failed to migrate.',
        inputs: [
            {
                name: 'control-plane-url',
                description: "The SnapLogic control plane: https://elastic.snaplogic.com, https://uat.elastic.snaplogic.com, https://emea.snaplogic.com, or any base URL (such as the sandbox's).",
                required: false,
                default: 'https://elastic.snaplogic.com',
                secret: false,
            },
            {
                name: 'username',
                description: "The account's email, for basic auth; give `username` and `password`, or `token`.",
                required: false,
                secret: false,
            },
            {
                name: 'password',
                description: "The account's password, for basic auth (use a secret).",
                required: false,
                secret: true,
            },
            {
                name: 'token',
                description: "A JWT from the organization's identity provider, sent as Bearer, instead of `username` and `password`.",
                required: false,
                secret: true,
            },
            {
                name: 'source-path',
                description: 'The Service version to migrate: `/{org}/{project_space}/{project}/{service}/{version}`. Required unless `status-token` is given.',
                required: false,
                secret: false,
            },
            {
                name: 'dest-path',
                description: 'The destination Service, without a version (the migration creates it): `/{org}/{project_space}/{project}/{service}`. The Service must already exist there. Required unless `status-token` is given.',
                required: false,
                secret: false,
            },
            {
                name: 'status-token',
                description: "Follow a migration started earlier (the `status-token` output of a run that timed out, was cancelled or used `wait: false`) to its end instead of starting one, judged the same way. `source-path` and `dest-path` may be left out; when given, they must be the migration's own.",
                required: false,
                secret: false,
            },
            {
                name: 'asset-types',
                description: 'Asset types to migrate, newline- or comma-separated, any case: `Account`, `File`, `Job`, `Pipeline`, `Policy`. All of them when empty.',
                required: false,
                secret: false,
            },
            {
                name: 'duplicate-check',
                description: '`true` to have SnapLogic check for duplicate assets at the destination (an existing version is then a 409).',
                required: false,
                default: 'false',
                secret: false,
            },
            {
                name: 'wait',
                description: '`false` returns as soon as the migration is accepted, with its `status-token`.',
                required: false,
                default: 'true',
                secret: false,
            },
            {
                name: 'timeout',
                description: 'How long the whole run may take, e.g. `90s`, `15m`, `1h` or seconds.',
                required: false,
                default: '30m',
                secret: false,
            },
            {
                name: 'poll-interval',
                description: 'The longest wait between two status checks (checks start after 0.5 s and slow down to this).',
                required: false,
                default: '10s',
                secret: false,
            },
        ],
        outputs: [
            {
                name: 'status-token',
                description: "The migration's status token, set as soon as SnapLogic returns it (also when the run fails).",
            },
            {
                name: 'status',
                description: '`Started`, `Completed` or `Failed`: the last status seen.',
            },
            {
                name: 'successful',
                description: 'JSON array of the migrated assets (`snode_id`, `name`, `asset_type`).',
            },
            {
                name: 'failed',
                description: 'JSON array of the assets that failed to migrate, with every field SnapLogic gives.',
            },
            {
                name: 'result',
                description: "The last status answer's `response_map`, as JSON.",
            },
        ],
    },
    'cdm-application': {
        title: 'ServiceNow CDM application',
        description: 'Manage ServiceNow DevOps Config (CDM) applications, deployables and shared components from a workflow: create, read, update and delete, with failures hidden in successful-looking answers reported as failures.',
        inputs: [
            {
                name: 'instance-url',
                description: 'The ServiceNow instance: a name such as `acme` (for https://acme.service-now.com) or a base URL (custom domains, or http://127.0.0.1:PORT for the sandbox).',
                required: true,
                secret: false,
            },
            {
                name: 'username',
                description: 'User name for basic auth; give `username` and `password`, or `token`.',
                required: false,
                secret: false,
            },
            {
                name: 'password',
                description: 'Password for basic auth (use a secret).',
                required: false,
                secret: true,
            },
            {
                name: 'token',
                description: "OAuth bearer token (from the instance's /oauth_token.do), instead of `username` and `password`.",
                required: false,
                secret: true,
            },
            {
                name: 'api-version',
                description: 'API version such as `v1`, to call the versioned URLs; latest when empty.',
                required: false,
                secret: false,
            },
            {
                name: 'operation',
                description: 'One of `create-app`, `get-app`, `update-app`, `delete-app`, `create-deployable`, `create-deployables`, `update-deployable`, `delete-deployable`, `list-shared-components`, `add-shared-component`, `update-shared-component`, `remove-shared-component`, `update-shared-components`, `list-component-applications`. An input the operation does not use is an input error.',
                required: true,
                secret: false,
            },
            {
                name: 'app-type',
                description: 'create-app: `application` or `infrastructure` (sent as `type`).',
                required: false,
                secret: false,
            },
            {
                name: 'app-name',
                description: "The application's name. create-app (one of the identity inputs), and the deployable and shared-component operations.",
                required: false,
                secret: false,
            },
            {
                name: 'app-model-id',
                description: 'create-app: sys_id of an existing application model (instead of `app-name`).',
                required: false,
                secret: false,
            },
            {
                name: 'app-model-name',
                description: 'create-app: name of an existing application model (instead of `app-name`).',
                required: false,
                secret: false,
            },
            {
                name: 'app-service-id',
                description: 'create-app with `app-type: application`: sys_id of an existing application service.',
                required: false,
                secret: false,
            },
            {
                name: 'app-service-name',
                description: 'create-app with `app-type: application`: name of an existing application service.',
                required: false,
                secret: false,
            },
            {
                name: 'technical-service-id',
                description: 'create-app with `app-type: infrastructure`: sys_id of an existing dynamic CI group.',
                required: false,
                secret: false,
            },
            {
                name: 'app-description',
                description: 'create-app, update-app: the description.',
                required: false,
                secret: false,
            },
            {
                name: 'app-manufacturer-id',
                description: "create-app, update-app: the manufacturer's sys_id.",
                required: false,
                secret: false,
            },
            {
                name: 'app-model-owner-id',
                description: "create-app, update-app: the application model owner's sys_id.",
                required: false,
                secret: false,
            },
            {
                name: 'app-managed-by-groups',
                description: 'create-app, update-app: sys_ids of the managing groups, comma- or newline-separated.',
                required: false,
                secret: false,
            },
            {
                name: 'app-id',
                description: "get-app, update-app, delete-app: the application's sys_id.",
                required: false,
                secret: false,
            },
            {
                name: 'deployable-name',
                description: 'create-deployable, update-deployable, delete-deployable: the deployable (at most 255 characters of letters, digits, whitespace and `_-.%$:#`).',
                required: false,
                secret: false,
            },
            {
                name: 'env-type',
                description: 'create-deployable(s): `Development`, `Production` or `Test` (case-sensitive).',
                required: false,
                secret: false,
            },
            {
                name: 'return-fields',
                description: 'create-deployable, update-deployable: fields to return, comma- or newline-separated.',
                required: false,
                secret: false,
            },
            {
                name: 'if-exists',
                description: 'create-deployable: `fail` (default) fails the step when the application already has a deployable of that name; `skip` succeeds without creating one, says so in the log and summary, and leaves `deployable-sys-id` unset.',
                required: false,
                secret: false,
            },
            {
                name: 'if-missing',
                description: 'delete-deployable: `fail` (default) fails the step when the application has no deployable of that name; `skip` succeeds without deleting anything and says so in the log and summary. A missing application still fails.',
                required: false,
                secret: false,
            },
            {
                name: 'app-sys-id',
                description: "create-deployables: the application's sys_id.",
                required: false,
                secret: false,
            },
            {
                name: 'quantity',
                description: 'create-deployables: how many deployables to create (a positive whole number).',
                required: false,
                secret: false,
            },
            {
                name: 'auto-connect',
                description: 'create-deployables: `true` connects them to new, dynamically created application models.',
                required: false,
                secret: false,
            },
            {
                name: 'new-name',
                description: 'update-deployable: the new name.',
                required: false,
                secret: false,
            },
            {
                name: 'new-description',
                description: 'update-deployable: the new description.',
                required: false,
                secret: false,
            },
            {
                name: 'new-service-id',
                description: 'update-deployable: the application service or dynamic CI group to connect.',
                required: false,
                secret: false,
            },
            {
                name: 'new-identifier',
                description: 'update-deployable: the new identifier.',
                required: false,
                secret: false,
            },
            {
                name: 'with-updates-only',
                description: 'list-shared-components: `true` lists only components with a newer version (default `false`).',
                required: false,
                secret: false,
            },
            {
                name: 'changeset-number',
                description: 'add-, update-, remove-shared-component, update-shared-components: an open changeset, e.g. `Chset-20`.',
                required: false,
                secret: false,
            },
            {
                name: 'shared-component-name',
                description: 'add-, update-, remove-shared-component, list-component-applications: the shared component.',
                required: false,
                secret: false,
            },
            {
                name: 'shared-library-name',
                description: 'add-shared-component, update-shared-component, list-component-applications: the shared library.',
                required: false,
                secret: false,
            },
            {
                name: 'version-name',
                description: 'update-shared-component: the version to move to, e.g. `Component_A-v3.shc`.',
                required: false,
                secret: false,
            },
        ],
        outputs: [
            {
                name: 'app-id',
                description: "The application's sys_id (create-app, get-app, update-app, delete-app).",
            },
            {
                name: 'app-name',
                description: "The application's name (create-app with app-name, get-app).",
            },
            {
                name: 'app',
                description: 'get-app: the application as JSON.',
            },
            {
                name: 'deployable-sys-id',
                description: "create-deployable, update-deployable: the deployable's sys_id (unset when `if-exists: skip` skipped).",
            },
            {
                name: 'deployable-sys-ids',
                description: 'create-deployables: JSON array of the new sys_ids.',
            },
            {
                name: 'shared-components',
                description: 'list-shared-components: JSON array of the components; update-shared-components: the components moved, each with `movedTo`.',
            },
            {
                name: 'applications',
                description: 'list-component-applications: JSON array of the applications using the component.',
            },
            {
                name: 'result',
                description: "The operation's `result` as JSON.",
            },
        ],
    },
    'cdm-export': {
        title: 'ServiceNow CDM export',
        description: "Export a deployable's configuration snapshot from ServiceNow DevOps Config (CDM) into a file, a step output and optionally a build artifact; waits for the export and fails with ServiceNow's own message when it fails.",
        inputs: [
            {
                name: 'instance-url',
                description: 'The ServiceNow instance: a name such as `acme` (for https://acme.service-now.com) or a base URL (custom domains, or http://127.0.0.1:PORT for the sandbox).',
                required: true,
                secret: false,
            },
            {
                name: 'username',
                description: 'User name for basic auth; give `username` and `password`, or `token`.',
                required: false,
                secret: false,
            },
            {
                name: 'password',
                description: 'Password for basic auth (use a secret).',
                required: false,
                secret: true,
            },
            {
                name: 'token',
                description: "OAuth bearer token (from the instance's /oauth_token.do), instead of `username` and `password`.",
                required: false,
                secret: true,
            },
            {
                name: 'api-version',
                description: 'API version such as `v1`, to call the versioned URLs (/api/sn_cdm/v1/...); latest when empty.',
                required: false,
                secret: false,
            },
            {
                name: 'app-name',
                description: 'Name of the CDM application.',
                required: true,
                secret: false,
            },
            {
                name: 'deployable-name',
                description: 'Name of the deployable whose snapshot is exported.',
                required: true,
                secret: false,
            },
            {
                name: 'exporter-name',
                description: 'Name of the CDM exporter to run.',
                required: true,
                secret: false,
            },
            {
                name: 'data-format',
                description: 'Output format, case-sensitive as the API: `ini`, `json`, `properties`, `raw`, `xml` or `yaml`.',
                required: false,
                default: 'json',
                secret: false,
            },
            {
                name: 'snapshot-name',
                description: 'Snapshot to export; the latest published snapshot when empty.',
                required: false,
                secret: false,
            },
            {
                name: 'additional-deployables',
                description: 'Other deployables to export with it: `app-name/deployable-name` items, one per line (or comma-separated), or a JSON array of `{"app_name", "deployable_name"}`.',
                required: false,
                secret: false,
            },
            {
                name: 'exporter-args',
                description: 'JSON object of custom arguments for the exporter (sent as `args`).',
                required: false,
                secret: false,
            },
            {
                name: 'restrict-export',
                description: '`true` to have CDM validate the snapshots before exporting.',
                required: false,
                default: 'false',
                secret: false,
            },
            {
                name: 'output-file',
                description: 'Where to write the export; default `cdm-export/<deployable-name>.<ext>` under the working directory (`raw` is written as `.txt`). A device or FIFO (`/dev/null`, a named pipe) is written in place; a folder is an error.',
                required: false,
                secret: false,
            },
            {
                name: 'artifact-name',
                description: 'Upload the file as a workflow artifact with this name. A failed upload fails the step; without an artifact service (GHES, a local run) it only warns.',
                required: false,
                secret: false,
            },
            {
                name: 'retention-days',
                description: "Days to keep the artifact (1-90); the repository's setting when empty.",
                required: false,
                secret: false,
            },
            {
                name: 'export-id',
                description: 'Wait for and fetch this existing export instead of starting a new one (e.g. after a timeout).',
                required: false,
                secret: false,
            },
            {
                name: 'timeout',
                description: 'How long the whole run may take, e.g. `90s`, `15m`, `1h` or seconds.',
                required: false,
                default: '30m',
                secret: false,
            },
            {
                name: 'poll-interval',
                description: 'The longest wait between two status checks (checks start after 0.5 s and slow down to this).',
                required: false,
                default: '10s',
                secret: false,
            },
        ],
        outputs: [
            {
                name: 'export-id',
                description: "The export request's id, set as soon as ServiceNow returns it (also when the run fails).",
            },
            {
                name: 'state',
                description: "The export's last known state: `new`, `ready`, `in_progress`, `completed`, `error`, or `failure` when the exporter failed inside a completed export.",
            },
            {
                name: 'file',
                description: 'Absolute path of the written file.',
            },
            {
                name: 'bytes',
                description: 'Size of the written file in bytes.',
            },
            {
                name: 'sha256',
                description: 'SHA-256 of the written file, lowercase hex.',
            },
            {
                name: 'content',
                description: 'The exported content itself when at most 1 MiB; empty otherwise (read `file`).',
            },
            {
                name: 'artifact-id',
                description: 'Id of the uploaded artifact, when `artifact-name` was given and the upload succeeded.',
            },
        ],
    },
    'cdm-upload': {
        title: 'ServiceNow CDM upload',
        description: "Load configuration files into ServiceNow DevOps Config (CDM) components, collections, deployables or vars in one changeset, commit it (optionally validate and publish), and fail with ServiceNow's own reason when it is rejected.",
        inputs: [
            {
                name: 'instance-url',
                description: 'The ServiceNow instance: a name such as `acme` (for https://acme.service-now.com) or a base URL (custom domains, or http://127.0.0.1:PORT for the sandbox).',
                required: true,
                secret: false,
            },
            {
                name: 'username',
                description: 'User name for basic auth; give `username` and `password`, or `token`.',
                required: false,
                secret: false,
            },
            {
                name: 'password',
                description: 'Password for basic auth (use a secret).',
                required: false,
                secret: true,
            },
            {
                name: 'token',
                description: "OAuth bearer token (from the instance's /oauth_token.do), instead of `username` and `password`.",
                required: false,
                secret: true,
            },
            {
                name: 'api-version',
                description: 'API version such as `v1`, to call the versioned URLs (/api/sn_cdm/v1/...); latest when empty.',
                required: false,
                secret: false,
            },
            {
                name: 'app-name',
                description: 'Name of the CDM application (it must be active).',
                required: true,
                secret: false,
            },
            {
                name: 'target',
                description: 'Where the data goes: `component`, `collection`, `deployable` or `vars`.',
                required: false,
                default: 'component',
                secret: false,
            },
            {
                name: 'collection-name',
                description: 'The collection, required with `target: collection` (and only then).',
                required: false,
                secret: false,
            },
            {
                name: 'deployable-name',
                description: 'The deployable, required with `target: deployable` (and only then).',
                required: false,
                secret: false,
            },
            {
                name: 'name-path',
                description: "Node path under the target folder, `/`-separated (sent as `namePath`). With `file` it is the node itself (default the file's name without extension); with `files` each file goes below it at its path relative to `files-root`, without extension.",
                required: false,
                secret: false,
            },
            {
                name: 'content',
                description: 'Inline configuration text to upload (needs `data-format`). One of `content`, `file`, `files`.',
                required: false,
                secret: false,
            },
            {
                name: 'file',
                description: 'One file to upload. One of `content`, `file`, `files`.',
                required: false,
                secret: false,
            },
            {
                name: 'files',
                description: 'Glob patterns, one per line (`!` excludes), matched from the working directory; each file is a separate upload into the same changeset. A pattern must stay inside the workspace (no `..`, `~` or absolute path elsewhere). One of `content`, `file`, `files`.',
                required: false,
                secret: false,
            },
            {
                name: 'files-root',
                description: 'The folder that `files` name paths are relative to; default the working directory.',
                required: false,
                secret: false,
            },
            {
                name: 'data-format',
                description: "`csv`, `ini`, `json`, `properties`, `raw`, `xml` or `yaml`; default from each file's extension (.json, .yaml, .yml, .xml, .ini, .properties, .csv). Required for `content` and other extensions. Not for vars: `csv`.",
                required: false,
                secret: false,
            },
            {
                name: 'data-format-attributes',
                description: 'JSON object of CSV attributes (sent as `dataFormatAttributes`), only with csv data.',
                required: false,
                secret: false,
            },
            {
                name: 'as-file',
                description: '`true` to store each file as a file node (the `.../file` endpoints; not for vars). Content type by extension: application/zip (.zip), application/json (.json), text/plain otherwise.',
                required: false,
                default: 'false',
                secret: false,
            },
            {
                name: 'file-name',
                description: "With `as-file`, the file name stored (sent as `fileName`); default the file's base name.",
                required: false,
                secret: false,
            },
            {
                name: 'file-node-name',
                description: "With `as-file`, the file node's name (sent as `fileNodeName`); default the file's base name.",
                required: false,
                secret: false,
            },
            {
                name: 'changeset-number',
                description: 'An open changeset to upload into, e.g. `Chset-102`. Without it the first upload creates one and the others reuse it.',
                required: false,
                secret: false,
            },
            {
                name: 'auto-commit',
                description: "Commit the changeset with the run's last upload.",
                required: false,
                default: 'true',
                secret: false,
            },
            {
                name: 'auto-validate',
                description: 'Validate the snapshots created by the commit (needs `auto-commit`).',
                required: false,
                default: 'false',
                secret: false,
            },
            {
                name: 'publish-option',
                description: '`publish_none` or `publish_valid` (publish the snapshots that pass validation; needs `auto-commit`).',
                required: false,
                default: 'publish_none',
                secret: false,
            },
            {
                name: 'auto-delete',
                description: '`true` deletes existing nodes that are missing from the upload. Destructive, so off unless you ask for it.',
                required: false,
                default: 'false',
                secret: false,
            },
            {
                name: 'delete-redundant-overrides',
                description: 'Do not create overrides whose values equal the inherited ones.',
                required: false,
                default: 'true',
                secret: false,
            },
            {
                name: 'identifier-keys',
                description: 'Keys that identify the same item in arrays, newline- or comma-separated (sent as `identifierKeys`).',
                required: false,
                secret: false,
            },
            {
                name: 'ignore-attributes',
                description: '`true` skips attributes in the data (XML).',
                required: false,
                default: 'false',
                secret: false,
            },
            {
                name: 'shared-library-name',
                description: 'Shared library name, passed through as `sharedLibraryName` (components and vars).',
                required: false,
                secret: false,
            },
            {
                name: 'max-upload-size',
                description: "Largest file accepted, checked before anything is sent: e.g. `2MB`, `512KB`; default 2MB (5MB with `as-file`), the server's default limits. `0` turns the check off for servers configured higher.",
                required: false,
                secret: false,
            },
            {
                name: 'validate',
                description: "After the commit, run the policy gate on the snapshots the changeset created (as cdm-validate does, with this run's files for the findings' lines) and fail the step when a policy fails. With `auto-validate: true` ServiceNow starts the validation and the action only waits. Needs `auto-commit`.",
                required: false,
                default: 'false',
                secret: false,
            },
            {
                name: 'fail-on-warnings',
                description: 'With `validate`, `true` also fails the step when a policy reports a warning (default `false`).',
                required: false,
                secret: false,
            },
            {
                name: 'fail-on-exceptions',
                description: 'With `validate`, `true` also fails the step on `passed_with_exception`, a pass under an approved exception (default `false`).',
                required: false,
                secret: false,
            },
            {
                name: 'sarif-file',
                description: 'With `validate`, where to write the SARIF 2.1.0 file; default `cdm-validation-<step>.sarif` in RUNNER_TEMP (else the working directory), a name no earlier step has taken.',
                required: false,
                secret: false,
            },
            {
                name: 'results-file',
                description: 'With `validate`, where to write the JSON results; default `cdm-validation-<step>.json` beside the SARIF file.',
                required: false,
                secret: false,
            },
            {
                name: 'timeout',
                description: 'How long the whole run may take, e.g. `90s`, `15m`, `1h` or seconds.',
                required: false,
                default: '30m',
                secret: false,
            },
            {
                name: 'poll-interval',
                description: 'The longest wait between two status checks of an upload (an upload is first checked after 25 ms, and the wait doubles up to 0.5 s, then grows to this).',
                required: false,
                default: '10s',
                secret: false,
            },
            {
                name: 'max-parallel',
                description: 'How many uploads may be queued on ServiceNow at once, a whole number of at least 1. Files are queued in order into one changeset; the commit goes with the last file once all others completed. `1` uploads one file at a time. A 429 or 503 answer halves it for the rest of the run.',
                required: false,
                default: '8',
                secret: false,
            },
        ],
        outputs: [
            {
                name: 'changeset-number',
                description: 'The changeset the uploads went into (set as soon as known, also when the run fails).',
            },
            {
                name: 'changeset-state',
                description: "The changeset's state after the last upload, e.g. `committed`, `open`, `commit_failed`, `blocked`.",
            },
            {
                name: 'upload-id',
                description: 'The id of the last upload started.',
            },
            {
                name: 'upload-ids',
                description: 'JSON array of every upload id, in order (set when the run ends, also when it fails).',
            },
            {
                name: 'files',
                description: 'JSON array of `{file, namePath, uploadId, state}`, one per upload (file is null for `content`); set when the run ends. Over 1 MiB it is left empty and a warning names the file in `RUNNER_TEMP` that holds it.',
            },
            {
                name: 'state',
                description: '`completed` when every upload completed (and the commit succeeded), `error` otherwise.',
            },
            {
                name: 'validation-status',
                description: 'With `validate`: the worst validation state across the snapshots: `failed` > `execution_error` > `not_validated` > `passed_with_exception` > `passed`.',
            },
            {
                name: 'snapshot-name',
                description: "With `validate`, the snapshot's name when the changeset created one snapshot.",
            },
            {
                name: 'snapshot-names',
                description: 'With `validate`, a JSON object from each gated deployable\'s name to its snapshot\'s name, e.g. `{"Development":"Development-v3.dpl","Production":"Production-v3.dpl"}`: `fromJSON(...).Production` feeds cdm-export\'s `snapshot-name`. Set once every gated snapshot is known.',
            },
            {
                name: 'snapshot-id',
                description: "With `validate`, the snapshot's sys_id when the changeset created one snapshot.",
            },
            {
                name: 'snapshots',
                description: 'With `validate`, JSON array, one per snapshot: deployable, name, sys_id, number, changeset, source, validation, published, failures, warnings, exceptions.',
            },
            {
                name: 'validation-results',
                description: 'With `validate`, JSON array of findings: deployable, snapshot, policy, severity, description, nodePath, and file and line when mapped (cut short to stay under 1 MB; the results file has all).',
            },
            {
                name: 'failures',
                description: 'With `validate`, the number of policy failures.',
            },
            {
                name: 'warnings',
                description: 'With `validate`, the number of policy warnings.',
            },
            {
                name: 'sarif-file',
                description: 'With `validate`, absolute path of the SARIF file.',
            },
            {
                name: 'results-file',
                description: 'With `validate`, absolute path of the JSON results file.',
            },
        ],
    },
    'cdm-validate': {
        title: 'ServiceNow CDM validate',
        description: "Gate a deployment on ServiceNow DevOps Config (CDM) policy validation: wait for the snapshots a changeset created (or take named ones), validate them, report every policy finding on the configuration file's own line (job summary, annotations, SARIF for code scanning, JSON), optionally publish, and fail the step when a policy fails.",
        inputs: [
            {
                name: 'instance-url',
                description: 'The ServiceNow instance: a name such as `acme` (for https://acme.service-now.com) or a base URL (custom domains, or http://127.0.0.1:PORT for the sandbox).',
                required: true,
                secret: false,
            },
            {
                name: 'username',
                description: 'User name for basic auth; give `username` and `password`, or `token`.',
                required: false,
                secret: false,
            },
            {
                name: 'password',
                description: 'Password for basic auth (use a secret).',
                required: false,
                secret: true,
            },
            {
                name: 'token',
                description: "OAuth bearer token (from the instance's /oauth_token.do), instead of `username` and `password`.",
                required: false,
                secret: true,
            },
            {
                name: 'api-version',
                description: 'API version such as `v1`, to call the versioned URLs (/api/sn_cdm/v1/...); latest when empty.',
                required: false,
                secret: false,
            },
            {
                name: 'app-name',
                description: 'Name of the CDM application.',
                required: true,
                secret: false,
            },
            {
                name: 'changeset-number',
                description: "Gate the snapshots this committed changeset created (cdm-upload's `changeset-number` output): those of every deployable it impacted (deleted ones skipped), or of `deployable-name` when given.",
                required: false,
                secret: false,
            },
            {
                name: 'deployable-name',
                description: "One or more deployables, newline- or comma-separated. Required without `changeset-number`: then each deployable's latest snapshot is gated (or `snapshot-name`). With `changeset-number`, a named deployable that got no new snapshot is gated on its latest one.",
                required: false,
                secret: false,
            },
            {
                name: 'snapshot-name',
                description: 'A named snapshot to gate instead of the latest (one deployable, not with `changeset-number`).',
                required: false,
                secret: false,
            },
            {
                name: 'revalidate',
                description: 'Validate again a snapshot that already has a final validation state. A never-validated snapshot is always validated, a running validation is waited on, and a published snapshot keeps its stored state.',
                required: false,
                default: 'false',
                secret: false,
            },
            {
                name: 'publish',
                description: 'Publish each gated snapshot once the whole gate passed (and it is not yet published). The results and SARIF files are written before publishing.',
                required: false,
                default: 'false',
                secret: false,
            },
            {
                name: 'fail-on-warnings',
                description: 'Also fail the step when a policy reports a warning.',
                required: false,
                default: 'false',
                secret: false,
            },
            {
                name: 'fail-on-exceptions',
                description: 'Also fail the step on `passed_with_exception` (a pass under an approved exception).',
                required: false,
                default: 'false',
                secret: false,
            },
            {
                name: 'uploaded-files',
                description: "cdm-upload's `files` output (JSON array of `{file, namePath, ...}`), to put each finding on the file and line its node came from.",
                required: false,
                secret: false,
            },
            {
                name: 'sarif-file',
                description: 'Where to write the SARIF 2.1.0 file; default `cdm-validation-<step>.sarif` in RUNNER_TEMP (else the working directory), a name no earlier step has taken.',
                required: false,
                secret: false,
            },
            {
                name: 'results-file',
                description: 'Where to write the JSON results (snapshots and every finding); default `cdm-validation-<step>.json` beside the SARIF file.',
                required: false,
                secret: false,
            },
            {
                name: 'artifact-name',
                description: 'Upload the SARIF and results files as a workflow artifact with this name. A failed upload fails the step; without an artifact service (GHES, a local run) it only warns.',
                required: false,
                secret: false,
            },
            {
                name: 'retention-days',
                description: "Days to keep the artifact (1-90); the repository's setting when empty.",
                required: false,
                secret: false,
            },
            {
                name: 'timeout',
                description: 'How long the whole run may take, e.g. `90s`, `15m`, `1h` or seconds.',
                required: false,
                default: '30m',
                secret: false,
            },
            {
                name: 'poll-interval',
                description: 'The longest wait between two status checks (checks start after 0.5 s and slow down to this).',
                required: false,
                default: '10s',
                secret: false,
            },
        ],
        outputs: [
            {
                name: 'validation-status',
                description: 'The worst validation state across the gated snapshots: `failed` > `execution_error` > `not_validated` > `passed_with_exception` > `passed`.',
            },
            {
                name: 'snapshot-name',
                description: "The gated snapshot's name, when one snapshot is gated (set as soon as it is known).",
            },
            {
                name: 'snapshot-names',
                description: 'A JSON object from each gated deployable\'s name to its snapshot\'s name, e.g. `{"Development":"Development-v3.dpl","Production":"Production-v3.dpl"}`: `fromJSON(...).Production` feeds cdm-export\'s `snapshot-name`. Set once every gated snapshot is known.',
            },
            {
                name: 'snapshot-id',
                description: "The gated snapshot's sys_id, when one snapshot is gated (set as soon as it is known).",
            },
            {
                name: 'snapshots',
                description: 'JSON array, one per gated snapshot: deployable, name, sys_id, number, changeset, source, validation, published, failures, warnings, exceptions (set as soon as known, also when the run fails).',
            },
            {
                name: 'validation-results',
                description: 'JSON array of findings: deployable, snapshot, policy, severity (`failure`, `warning`, `exception`, `information`), description, nodePath, and file and line when mapped. Cut short to stay under 1 MB (the results file always has all).',
            },
            {
                name: 'failures',
                description: 'Number of policy failures.',
            },
            {
                name: 'warnings',
                description: 'Number of policy warnings.',
            },
            {
                name: 'sarif-file',
                description: 'Absolute path of the SARIF file.',
            },
            {
                name: 'results-file',
                description: 'Absolute path of the JSON results file.',
            },
            {
                name: 'published',
                description: 'JSON array of the names of the snapshots this run published.',
            },
        ],
    },
    'dev2prod-promote': {
        title: 'SMAX Dev2Prod promote',
        description: 'Promote an OpenText SMAX Dev2Prod package from one tenant to another: export it, carry the file to the target, dry-run the import, and import only when the dry run is clean.',
        inputs: [
            {
                name: 'source-url',
                description: 'The source SMAX server address, e.g. https://smax-dev.example.com. Required when exporting (`package-id` or `export-id`).',
                required: false,
                secret: false,
            },
            {
                name: 'source-tenant-id',
                description: 'The source tenant id. Required when exporting.',
                required: false,
                secret: false,
            },
            {
                name: 'source-username',
                description: "The source tenant's user name. Required when exporting.",
                required: false,
                secret: false,
            },
            {
                name: 'source-password',
                description: "The source tenant's password (use a secret). Required when exporting.",
                required: false,
                secret: true,
            },
            {
                name: 'target-url',
                description: 'The target SMAX server address; default `source-url`.',
                required: false,
                secret: false,
            },
            {
                name: 'target-tenant-id',
                description: 'The target tenant id; required unless `mode` is `export`.',
                required: false,
                secret: false,
            },
            {
                name: 'target-username',
                description: "The target tenant's user name; default `source-username`.",
                required: false,
                secret: false,
            },
            {
                name: 'target-password',
                description: "The target tenant's password (use a secret); default `source-password`.",
                required: false,
                secret: true,
            },
            {
                name: 'mode',
                description: '`export` (export and download only), `dry-run` (export, transfer, dry run; fails unless it passes), `promote` (as dry-run, then the real import only if the dry run passed) or `import` (the real import of a package that was dry-run earlier: the second job of a gated workflow, with `file-id` or `package-file`; with `package-id` it needs `skip-dry-run: true`).',
                required: false,
                default: 'promote',
                secret: false,
            },
            {
                name: 'package-id',
                description: 'The Package Manager package to export. One of `package-id`, `package-file`, `file-id`.',
                required: false,
                secret: false,
            },
            {
                name: 'package-file',
                description: "A package file on disk (e.g. an earlier job's artifact) to upload to the target instead of exporting.",
                required: false,
                secret: false,
            },
            {
                name: 'file-id',
                description: "A file already in the target's file repository (the `file-id` output of an earlier run); skips export and transfer. With `dry-run-import-id` or `import-id`, it must be that job's file.",
                required: false,
                secret: false,
            },
            {
                name: 'export-id',
                description: 'Wait for an export started earlier on the source (the `export-id` output of a run that timed out or was cancelled) instead of starting one, then go on as `mode` says. May be given with `package-id`: nothing is exported again.',
                required: false,
                secret: false,
            },
            {
                name: 'dry-run-import-id',
                description: 'Follow a dry run started earlier on the target and judge it; with `mode: promote`, import the file it names only when it passed. For `mode` `dry-run` or `promote`.',
                required: false,
                secret: false,
            },
            {
                name: 'import-id',
                description: 'Follow a real import started earlier on the target and judge it. For `mode` `import` or `promote`.',
                required: false,
                secret: false,
            },
            {
                name: 'skip-dry-run',
                description: '`true` lets `mode: import` export a package (`package-id`) and import it with no dry run anywhere. Only for `mode: import`; the log and the verdict say the import ran without a dry run.',
                required: false,
                default: 'false',
                secret: false,
            },
            {
                name: 'download-dir',
                description: 'Where the package file is written; default `RUNNER_TEMP` (else the working directory), where a file an earlier step wrote is never replaced.',
                required: false,
                secret: false,
            },
            {
                name: 'artifact-name',
                description: 'Upload the package file as a workflow artifact with this name (so what reached production can be audited). A failed upload fails the step; without an artifact service (GHES, a local run) it only warns.',
                required: false,
                secret: false,
            },
            {
                name: 'retention-days',
                description: "Days to keep the artifact (1-90); the repository's setting when empty.",
                required: false,
                secret: false,
            },
            {
                name: 'fail-on-warnings',
                description: '`true` makes a dry run or import with warnings fail too.',
                required: false,
                default: 'false',
                secret: false,
            },
            {
                name: 'comment-on-pr',
                description: '`true` posts the dry-run report as a pull-request comment on `pull_request` events, updating the same comment on re-runs. Needs `pull-requests: write`; a comment that cannot be posted only warns.',
                required: false,
                default: 'false',
                secret: false,
            },
            {
                name: 'github-token',
                description: 'Token for the pull-request comment.',
                required: false,
                default: '${{ github.token }}',
                secret: true,
            },
            {
                name: 'timeout',
                description: 'How long the whole run may take, e.g. `90s`, `15m`, `1h` or seconds.',
                required: false,
                default: '60m',
                secret: false,
            },
            {
                name: 'poll-interval',
                description: 'The longest wait between two status checks (checks start after 0.5 s and slow down to this).',
                required: false,
                default: '15s',
                secret: false,
            },
        ],
        outputs: [
            {
                name: 'export-id',
                description: "The export's id on the source tenant.",
            },
            {
                name: 'source-file-id',
                description: "The exported package's id in the source tenant's file repository.",
            },
            {
                name: 'package-bundle-name',
                description: "The exported package bundle's name.",
            },
            {
                name: 'item-count',
                description: 'The number of items exported.',
            },
            {
                name: 'package-file',
                description: 'Absolute path of the package file on disk.',
            },
            {
                name: 'package-sha256',
                description: 'SHA-256 of the package file, lowercase hex.',
            },
            {
                name: 'file-id',
                description: "The package's id in the target's file repository (pass it as `file-id` to a later import job).",
            },
            {
                name: 'dry-run-import-id',
                description: "The dry run's import id.",
            },
            {
                name: 'dry-run-outcome',
                description: '`passed`, `failed` or `skipped`.',
            },
            {
                name: 'import-id',
                description: "The real import's id.",
            },
            {
                name: 'import-status',
                description: "The real import's `Status`, e.g. `COMPLETED`.",
            },
            {
                name: 'totals',
                description: "JSON of the last import's (or dry run's) `Totals`.",
            },
            {
                name: 'results',
                description: "JSON of the last import's (or dry run's) `Results`.",
            },
        ],
    },
};


/***/ }),

/***/ 68682:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(60367);

const code = await (0,_main_js__WEBPACK_IMPORTED_MODULE_0__/* .main */ .i)(process.argv.slice(2), {
    env: process.env,
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
});
if (code !== undefined)
    process.exitCode = code;

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 60367:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  i: () => (/* binding */ main)
});

;// CONCATENATED MODULE: ./cli/src/actions.ts
const ACTIONS = {
    'apim-migrate': () => Promise.all(/* import() */[__nccwpck_require__.e(10), __nccwpck_require__.e(746)]).then(__nccwpck_require__.bind(__nccwpck_require__, 82746)),
    'cdm-application': () => Promise.all(/* import() */[__nccwpck_require__.e(10), __nccwpck_require__.e(691)]).then(__nccwpck_require__.bind(__nccwpck_require__, 95691)),
    'cdm-export': () => Promise.all(/* import() */[__nccwpck_require__.e(10), __nccwpck_require__.e(380)]).then(__nccwpck_require__.bind(__nccwpck_require__, 41380)),
    'cdm-upload': () => Promise.all(/* import() */[__nccwpck_require__.e(10), __nccwpck_require__.e(484), __nccwpck_require__.e(217)]).then(__nccwpck_require__.bind(__nccwpck_require__, 31217)),
    'cdm-validate': () => Promise.all(/* import() */[__nccwpck_require__.e(10), __nccwpck_require__.e(484), __nccwpck_require__.e(440)]).then(__nccwpck_require__.bind(__nccwpck_require__, 7440)),
    'dev2prod-promote': () => Promise.all(/* import() */[__nccwpck_require__.e(10), __nccwpck_require__.e(570)]).then(__nccwpck_require__.bind(__nccwpck_require__, 58570)),
};

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(76760);
// EXTERNAL MODULE: ./shared/fs/file-name.ts
var file_name = __nccwpck_require__(65070);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(73024);
// EXTERNAL MODULE: ./shared/errors.ts
var errors = __nccwpck_require__(32635);
// EXTERNAL MODULE: ./shared/report/outputs.ts
var outputs = __nccwpck_require__(59747);
// EXTERNAL MODULE: ./shared/report/logger.ts
var logger = __nccwpck_require__(35077);
;// CONCATENATED MODULE: ./shared/hosts/neutralize.ts
/**
 * What vendor text and inputs must never start in a CI's log. The command prints one log for whichever CI reads it,
 * and a job's output is often read by more than one (a Jenkins agent inside Azure Pipelines, a log pasted into a
 * terminal), so every host off GitHub neutralizes every known form; GitHub keeps its own (neutralizeCommands).
 */

/**
 * GitHub's `::` at a line's start and `##[` anywhere (neutralizeCommands, which also shows a bare CR as `\r`);
 * Azure's `##vso[` anywhere in a line (its agent reads it there); ANSI escapes (colours, cursor moves, and GitLab's
 * collapsible sections) shown as the visible text `\e`; GitLab's `section_start:`/`section_end:` markers.
 */
function neutralizeForAnyCi(text) {
    return ((0,logger/* neutralizeCommands */.Kw)(text)
        .replace(/##vso\[/gi, '##vso\\[')
        // eslint-disable-next-line no-control-regex -- the escape character is what is removed
        .replace(/[\u001b\u009b]/g, '\\e')
        .replace(/section_(start|end):/gi, 'section_$1\\:'));
}
/**
 * Toolkit libraries the actions use (@actions/glob) print workflow commands of their own (`::debug::...`) through
 * @actions/core. Off GitHub no `::` command may reach the log: the command's process passes its stdout through
 * this, which drops debug commands (shown as `DEBUG` lines when RUNNER_DEBUG=1) and prints any other as its
 * message. Our own lines never start with `::` (neutralizeForAnyCi), so only a library's are changed.
 */
function filterToolkitCommands(stream) {
    const write = stream.write.bind(stream);
    const filter = (chunk, ...rest) => {
        const text = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString() : undefined;
        if (text === undefined || !/(^|\n)\s*::/.test(text))
            return write(chunk, ...rest);
        const debug = process.env.RUNNER_DEBUG === '1';
        const lines = text.split('\n').flatMap((line) => {
            const command = /^\s*::([\w-]+)(?: [^:]*)?::(.*)$/.exec(line);
            if (!command)
                return [line];
            if (command[1] === 'debug')
                return debug ? [`DEBUG ${command[2]}`] : [];
            return [command[2]];
        });
        return write(lines.join('\n'));
    };
    stream.write = filter;
    return () => {
        stream.write = write;
    };
}

// EXTERNAL MODULE: ./shared/fs/atomic.ts + 1 modules
var atomic = __nccwpck_require__(50829);
// EXTERNAL MODULE: ./shared/report/redacted-file.ts
var redacted_file = __nccwpck_require__(93764);
;// CONCATENATED MODULE: ./shared/report/test-results.ts
/**
 * What a run hands its host for the report files a CI reads (JUnit, GitLab Code Quality): test cases and findings,
 * typed, so no host re-reads outputs or results files as strings. An action that reports none gets one test case
 * for the job (runAction adds it).
 */
/** The job as one test case, failed with the run's error: for actions that have nothing finer to report. */
function jobResults(action, failure) {
    return { testCases: [{ suite: action, name: action, failure }], findings: [] };
}
/**
 * A failed run's results always hold a failed test case (fail closed): when none of the action's own explains the
 * failure (a timeout after a passed dry run, an artifact refused), one for the job is added.
 */
function withRunFailure(results, action, failure) {
    if (!results)
        return jobResults(action, failure);
    if (failure === undefined || results.testCases.some((t) => t.failure !== undefined))
        return results;
    return { ...results, testCases: [...results.testCases, ...jobResults(action, failure).testCases] };
}

;// CONCATENATED MODULE: ./shared/hosts/report-files.ts
/**
 * The report files every host off GitHub writes, each only when its flag names a path: the outputs as one JSON
 * object of strings, the summary's markdown, JUnit XML and GitLab Code Quality JSON. Each is redacted (outputs and
 * JSON string by string, so they stay JSON; the XML and markdown as text, which knows their escaped forms) and
 * bounded, and written atomically. A file the user asked for that cannot be written fails the run: a later step
 * would look for it.
 */





/** More test cases or findings than a CI shows usefully; the rest are counted in one more entry. */
const MAX_REPORT_ENTRIES = 10_000;
/** What one failure's text keeps: enough for a reader, never a whole vendor answer. */
const MAX_FAILURE_CHARS = 8_000;
/** Writes one report file; a failure is the run's failure (exit code 1), named in an error line. */
async function writeReportFile(what, file, write, logger) {
    try {
        await write();
    }
    catch (error) {
        logger.error(`The ${what} ${file} was not written: ${(0,errors/* errorMessage */.gJ)(error)}`, 'Report file not written');
        process.exitCode = 1;
    }
}
/** Every output known by now; the values are already redacted and bounded by the host's outputs. */
function writeOutputsFile(file, values) {
    return (0,atomic/* writeFileAtomic */.Zf)(file, `${JSON.stringify(Object.fromEntries(values), null, 2)}\n`);
}
function writeJunitFile(file, title, results, logger) {
    return (0,redacted_file/* writeTextFile */.T)(file, junitXml(title, results.testCases), logger);
}
function writeCodeQualityFile(file, findings, logger) {
    const report = findings.slice(0, MAX_REPORT_ENTRIES).map((finding) => ({
        description: finding.description,
        check_name: finding.checkName,
        fingerprint: finding.fingerprint,
        severity: finding.severity,
        location: { path: finding.path, lines: { begin: finding.line ?? 1 } },
    }));
    if (findings.length > MAX_REPORT_ENTRIES) {
        logger.warning(`The Code Quality report ${file} holds the first ${MAX_REPORT_ENTRIES} of ${findings.length} findings; every finding is in the results file.`);
    }
    return (0,atomic/* writeFileAtomic */.Zf)(file, `${(0,outputs/* redactedOutputText */.ro)(report, logger)}\n`);
}
function junitXml(title, testCases) {
    const kept = testCases.slice(0, MAX_REPORT_ENTRIES);
    const left = testCases.length - kept.length;
    if (left > 0)
        kept.push({ suite: title, name: `${left} more test case(s) not listed`, failure: undefined });
    const suites = new Map();
    for (const testCase of kept)
        suites.set(testCase.suite, [...(suites.get(testCase.suite) ?? []), testCase]);
    const failures = (cases) => cases.filter((c) => c.failure !== undefined).length;
    const lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<testsuites name="${xmlAttribute(title)}" tests="${kept.length}" failures="${failures(kept)}" errors="0">`,
    ];
    for (const [suite, cases] of suites) {
        lines.push(`  <testsuite name="${xmlAttribute(suite)}" tests="${cases.length}" failures="${failures(cases)}" errors="0" skipped="0">`);
        for (const testCase of cases) {
            const attributes = `name="${xmlAttribute(testCase.name)}" classname="${xmlAttribute(testCase.classname ?? suite)}"`;
            if (testCase.failure === undefined) {
                lines.push(`    <testcase ${attributes}/>`);
                continue;
            }
            const text = testCase.failure.slice(0, MAX_FAILURE_CHARS);
            const message = text.split('\n', 1)[0];
            lines.push(`    <testcase ${attributes}>`, `      <failure message="${xmlAttribute(message)}">${xml(text)}</failure>`, '    </testcase>');
        }
        lines.push('  </testsuite>');
    }
    lines.push('</testsuites>', '');
    return lines.join('\n');
}
/**
 * Escaped for XML text, in the form secretForms knows (`&`, `<`, `>`), so redaction finds a secret in it; characters
 * XML 1.0 cannot hold at all (most control characters) dropped.
 */
function xml(text) {
    return text
        .replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;');
}
/** Escaped for a double-quoted attribute: also the quotes (as secretForms' quoted form) and line breaks. */
function xmlAttribute(text) {
    return xml(text).replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}
/** The summary's markdown, already redacted and bounded by runAction. */
function writeSummaryFile(file, markdown) {
    return (0,atomic/* writeFileAtomic */.Zf)(file, markdown);
}
/**
 * Writes the report files the options ask for, at the end of a run: the outputs known by then, JUnit and Code
 * Quality from the results the action reported (one test case for the job when it reported none).
 */
async function writeReportFiles(options, values, results, failure, logger) {
    const { outputsFile, junitFile, codequalityFile } = options;
    const final = withRunFailure(results, options.action, failure);
    if (outputsFile)
        await writeReportFile('outputs file', outputsFile, () => writeOutputsFile(outputsFile, values), logger);
    if (junitFile) {
        const title = `config-promotion ${options.action}`;
        await writeReportFile('JUnit file', junitFile, () => writeJunitFile(junitFile, title, final, logger), logger);
    }
    if (codequalityFile) {
        const write = () => writeCodeQualityFile(codequalityFile, final.findings, logger);
        await writeReportFile('Code Quality file', codequalityFile, write, logger);
    }
}
/** GitHub through the command: the actions' own behaviour, plus the report files its flags ask for. */
function withReportFiles(host, options) {
    let outputs = new Map();
    let results;
    return {
        ...host,
        outputs(logger) {
            const made = host.outputs(logger);
            outputs = made.values;
            return made;
        },
        async writeSummary(markdown, logger) {
            await host.writeSummary(markdown, logger);
            const file = options.summaryFile;
            if (file)
                await writeReportFile('summary file', file, () => writeSummaryFile(file, markdown), logger);
        },
        reportResults(reported) {
            results = reported;
        },
        async close(logger, outcome) {
            await host.close(logger, outcome);
            await writeReportFiles(options, outputs, results, outcome.failure, logger);
        },
    };
}

;// CONCATENATED MODULE: ./shared/hosts/plain.ts
/**
 * The hosts of the config-promotion command: plain log lines on stdout (a terminal, Jenkins), the report files its
 * flags ask for, and what one CI adds on top (a `CiDialect`: GitLab's dotenv report, Azure's logging commands).
 * Every line is redacted and neutralized for every CI (neutralize.ts); no `::` command is ever printed.
 */





/** A terminal, or Jenkins: plain lines and the report files. */
function plainHost(options, name = 'plain') {
    return cliHost(name, options, {
        artifactDocs: name === 'jenkins'
            ? 'archiveArtifacts in the Jenkinsfile, see docs/jenkins.md'
            : 'none on a terminal: copy them where you keep build results',
    });
}
function cliHost(name, options, dialect) {
    const values = new Map();
    let results;
    let closed = false;
    const print = (text) => void process.stdout.write(`${text}\n`);
    // A second signal ends the process at once: the outputs known by then still reach the outputs file.
    const writeOutputsNow = () => {
        if (!closed && options.outputsFile)
            (0,external_node_fs_.writeFileSync)(options.outputsFile, JSON.stringify(Object.fromEntries(values)));
    };
    process.on('exit', writeOutputsNow);
    return {
        name,
        inputs: options.inputs,
        logger: (redactor) => lineLogger(redactor, dialect, print),
        outputs(logger) {
            const warned = new Set();
            return {
                values,
                set(output, value) {
                    const text = (0,outputs/* boundedOutput */.nw)(output, (0,outputs/* redactedOutputText */.ro)(value, logger), logger, warned);
                    if (values.get(output) === text)
                        return;
                    values.set(output, text);
                    if (dialect.output)
                        print(dialect.output(output, text));
                },
            };
        },
        async writeSummary(markdown, logger) {
            const file = options.summaryFile ?? dialect.defaultSummaryFile?.();
            if (!file)
                return logger.info(`Job summary:\n${markdown}`);
            await writeReportFile('summary file', file, () => writeSummaryFile(file, markdown), logger);
            if (dialect.summary)
                print(dialect.summary(file));
        },
        async uploadArtifact(request, logger) {
            logger.warning(`Artifact '${request.name}' is not uploaded by config-promotion on ${name}: the CI's own artifact declaration keeps the files (${dialect.artifactDocs}). The file stays at ${request.files.join(', ')}.`, 'Artifact kept by the CI');
            return undefined;
        },
        reportResults(reported) {
            results = reported;
        },
        async close(logger, outcome) {
            await writeReportFiles(options, values, results, outcome.failure, logger);
            await dialect.close?.(values, logger);
            closed = true;
            process.off('exit', writeOutputsNow);
        },
        exitCode: commandExitCode,
    };
}
/** The command's exit code for a failed run, on every host: 2 for an input problem, 1 for any other failure. */
function commandExitCode(error) {
    return error instanceof errors/* InputError */.dz ? 2 : 1;
}
/** Redacted, neutralized lines; errors and warnings as `ERROR <file>:<line> <message>` unless the CI has its own. */
function lineLogger(redactor, dialect, print) {
    const r = (text) => redactor.redact(text);
    const isDebug = process.env.RUNNER_DEBUG === '1';
    const issue = (level) => (message, title, location) => {
        // The title names what the message may not (a finding's policy); an input problem's message already says it.
        const text = neutralizeForAnyCi(r(title && !message.includes(title) ? `${title}: ${message}` : message));
        if (dialect.issue)
            return print(dialect.issue(level, text, location && { ...location, file: r(location.file) }));
        const where = location ? ` ${neutralizeForAnyCi(r(location.file))}${location.line ? `:${location.line}` : ''}` : '';
        print(`${level.toUpperCase()}${where} ${text}`);
    };
    return {
        isDebug,
        debug: (message) => (isDebug ? print(neutralizeForAnyCi(`DEBUG ${r(message)}`)) : undefined),
        info: (message) => print(neutralizeForAnyCi(r(message))),
        warning: issue('warning'),
        error: issue('error'),
        notice: issue('notice'),
        mask(secret) {
            if (!secret)
                return;
            const added = redactor.add(secret);
            if (dialect.mask)
                for (const line of dialect.mask([...new Set([secret, ...added])]))
                    print(line);
        },
        redact: r,
    };
}

;// CONCATENATED MODULE: ./shared/hosts/azure.ts
/**
 * Azure Pipelines: outputs, issues, the summary and secret masks as the agent's logging commands
 * (`##vso[area.action property=value;...]message`), with its documented escaping. Everything else is plain lines,
 * in which vendor text cannot start a command (neutralize.ts).
 */




/** In a command's message or value: `%` first, so an escape is never escaped twice. */
function escapeData(text) {
    return text.replace(/%/g, '%AZP25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
/** In a property's value, also the characters that end one (`;`) or end the properties (`]`). */
function escapeProperty(text) {
    return escapeData(text).replace(/;/g, '%3B').replace(/\]/g, '%5D');
}
function vso(command, properties, data = '') {
    const props = Object.entries(properties)
        .filter(([, value]) => value !== undefined)
        .map(([name, value]) => `${name}=${escapeProperty(String(value))}`)
        .join(';');
    return `##vso[${command}${props ? ` ${props}` : ''}]${escapeData(data)}`;
}
/** The output's name as a variable: `export-id` → `export_id`. */
function azureVariableName(output) {
    return output.replace(/-/g, '_');
}
function azureHost(options) {
    return cliHost('azure', options, {
        artifactDocs: 'a PublishPipelineArtifact step, see docs/azure-pipelines.md',
        issue(level, message, location) {
            // The agent knows errors and warnings only; a notice is a plain line.
            if (level === 'notice')
                return `NOTICE${location ? ` ${location.file}:${location.line ?? 1}` : ''} ${message}`;
            return vso('task.logissue', { type: level, sourcepath: location?.file, linenumber: location?.line }, message);
        },
        mask: (forms) => forms.map((form) => vso('task.setsecret', {}, form)),
        output: (name, value) => vso('task.setvariable', { variable: azureVariableName(name), isoutput: 'true' }, value),
        summary: (file) => vso('task.uploadsummary', {}, external_node_path_.resolve(file)),
        // The agent uploads the summary from a file, so without --summary-file one goes to the agent's temp folder.
        defaultSummaryFile: () => external_node_path_.join(process.env.AGENT_TEMPDIRECTORY || (0,external_node_os_.tmpdir)(), `config-promotion-${(0,file_name/* safeFileName */.Tx)(options.action, 'summary')}-${process.pid}.md`),
    });
}

// EXTERNAL MODULE: ./shared/hosts/github.ts
var github = __nccwpck_require__(24539);
;// CONCATENATED MODULE: ./shared/hosts/gitlab.ts
/**
 * GitLab CI: plain lines (`ERROR <file>:<line> <message>`), and a dotenv report a later job reads its variables
 * from. GitLab's dotenv is stricter than dotenv: at most 5 KB and 20 variables per file (the default plan limits),
 * one `NAME=value` per line with no empty lines, comments or quote handling, names of ASCII letters, digits and `_`,
 * and values stripped of surrounding whitespace. So only values GitLab reads back unchanged are written (never a
 * secret: outputs are redacted); the others are named in one notice that points to --outputs-file.
 */




const DOTENV_DEFAULT_FILE = 'config-promotion.env';
const DOTENV_MAX_BYTES = 5 * 1024;
const DOTENV_MAX_VARIABLES = 20;
function gitlabHost(options) {
    return cliHost('gitlab', options, {
        artifactDocs: 'artifacts: paths: in the job, see docs/gitlab.md',
        close: (outputs, logger) => writeDotenv(options, outputs, logger),
    });
}
/** `CDM_UPLOAD_` for cdm-upload: upper-case, every other character `_`. */
function dotenvName(text) {
    return text.toUpperCase().replace(/[^A-Z0-9_]/g, '_');
}
/** The report's text and the outputs left out of it, each with why. */
function dotenvReport(outputs, prefix) {
    const lines = [];
    const left = [];
    let bytes = 0;
    for (const [output, value] of outputs) {
        const line = `${dotenvName(`${prefix}${output}`)}=${value}`;
        const why = unreadableValue(value);
        if (why)
            left.push({ output, why });
        else if (lines.length >= DOTENV_MAX_VARIABLES)
            left.push({ output, why: `over ${DOTENV_MAX_VARIABLES} variables` });
        else if (bytes + Buffer.byteLength(line) + 1 > DOTENV_MAX_BYTES)
            left.push({ output, why: 'over 5 KB in all' });
        else {
            lines.push(line);
            bytes += Buffer.byteLength(line) + 1;
        }
    }
    return { text: lines.map((line) => `${line}\n`).join(''), left };
}
/** Why GitLab would not read `value` back as it is; undefined when it would. */
function unreadableValue(value) {
    if (/[\r\n\u2028\u2029\u0085]/.test(value))
        return 'more than one line';
    if (value !== value.trim())
        return 'surrounding whitespace';
    if (/^(["'`]).*\1$/s.test(value))
        return 'quoted';
    if (value.includes('\u0000'))
        return 'a NUL character';
    return undefined;
}
async function writeDotenv(options, outputs, logger) {
    const file = external_node_path_.resolve(options.dotenvFile ?? DOTENV_DEFAULT_FILE);
    const prefix = options.dotenvPrefix ?? `${dotenvName(options.action)}_`;
    const { text, left } = dotenvReport(outputs, prefix);
    await writeReportFile('dotenv report', file, () => (0,atomic/* writeFileAtomic */.Zf)(file, text), logger);
    if (!left.length)
        return;
    const where = options.outputsFile
        ? `they are in the outputs file ${options.outputsFile}`
        : 'give --outputs-file <path> to get every output as JSON';
    logger.notice(`Not in the dotenv report ${file}, because GitLab would not read them back unchanged: ${left.map((l) => `${l.output} (${l.why})`).join(', ')}; ${where}.`, 'Outputs left out of the dotenv report');
}

;// CONCATENATED MODULE: ./shared/hosts/select.ts
/** Which host the config-promotion command runs on: the one `--host` names, or the one its environment says. */





const HOST_NAMES = ['github', 'gitlab', 'azure', 'jenkins', 'plain'];
function createHost(name, options) {
    switch (name) {
        case 'github':
            // The command's exit codes hold on GitHub too; the actions' own steps keep GitHub's 1.
            return { ...withReportFiles((0,github/* githubHost */.S)(options.inputs), options), exitCode: commandExitCode };
        case 'gitlab':
            return gitlabHost(options);
        case 'azure':
            return azureHost(options);
        case 'jenkins':
            return plainHost(options, 'jenkins');
        case 'plain':
            return plainHost(options);
    }
}
/** The variables each CI sets in every job (the values as they set them). */
function detectHost(env) {
    if (env.GITHUB_ACTIONS === 'true')
        return 'github';
    if (env.GITLAB_CI === 'true')
        return 'gitlab';
    if (env.TF_BUILD === 'True')
        return 'azure';
    if (env.JENKINS_URL)
        return 'jenkins';
    return 'plain';
}

;// CONCATENATED MODULE: ./cli/src/args.ts

/** The command's own flags, beside the action's inputs: where the run is and which report files it writes. */
const HOST_FLAGS = {
    host: 'the CI to report to: github, gitlab, azure, jenkins or plain (default: from the environment)',
    'outputs-file': 'write every output as one JSON object of strings to this file, also when the run fails',
    'summary-file': 'write the markdown summary to this file',
    'junit-file': 'write JUnit XML results to this file',
    'codequality-file': "write GitLab's Code Quality JSON to this file (cdm-validate, cdm-upload with validate)",
    'dotenv-file': 'gitlab: the dotenv report to write (default config-promotion.env)',
    'dotenv-prefix': "gitlab: the prefix of the dotenv report's names (default: the action's name, e.g. CDM_UPLOAD_)",
};
function parseActionArgs(args, contract) {
    const inputNames = new Set(contract.inputs.map((input) => input.name));
    const result = { inputs: new Map(), hostFlags: {}, help: false, problems: [] };
    const unknown = [];
    const seen = new Set();
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        if (arg === '--help' || arg === '-h') {
            result.help = true;
            continue;
        }
        const flag = /^--([^=]+)(?:=([\s\S]*))?$/.exec(arg);
        if (!flag) {
            result.problems.push(`unexpected argument '${arg}': give each input as --<input> <value>`);
            continue;
        }
        const name = flag[1];
        const known = inputNames.has(name) || Object.hasOwn(HOST_FLAGS, name);
        let value = flag[2];
        // A flag without `=` takes the next argument as its value, unless that is another flag.
        if (value === undefined && i + 1 < args.length && !args[i + 1].startsWith('--'))
            value = args[++i];
        if (!known) {
            unknown.push(`--${name}`);
            continue;
        }
        if (value === undefined) {
            result.problems.push(`--${name} needs a value: --${name} <value> or --${name}=<value>`);
            continue;
        }
        if (seen.has(name))
            result.problems.push(`--${name} is given more than once`);
        seen.add(name);
        if (inputNames.has(name))
            result.inputs.set(name, value);
        else
            result.hostFlags[name] = value;
    }
    if (unknown.length) {
        const inputs = contract.inputs.map((input) => `--${input.name}`).join(', ');
        result.problems.push(`unknown flag${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}. Valid inputs: ${inputs}; and ${Object.keys(HOST_FLAGS)
            .map((f) => `--${f}`)
            .join(', ')}`);
    }
    const host = result.hostFlags.host;
    if (host !== undefined) {
        if (HOST_NAMES.includes(host))
            result.host = host;
        else
            result.problems.push(`--host must be one of ${HOST_NAMES.join(', ')} (got '${host}')`);
    }
    return result;
}

// EXTERNAL MODULE: ./cli/src/contracts.ts
var contracts = __nccwpck_require__(25033);
;// CONCATENATED MODULE: ./cli/src/inputs.ts
/** `instance-url` → `CONFIG_PROMOTION_INSTANCE_URL`. */
function environmentName(input) {
    return `CONFIG_PROMOTION_${input.toUpperCase().replace(/-/g, '_')}`;
}
function commandInputs(contract, flags, env) {
    const values = new Map();
    for (const input of contract.inputs) {
        // An empty variable is one a CI defined for every job and left unset for this one: not given.
        const fromEnv = env[environmentName(input.name)] || undefined;
        const fallback = input.default?.includes('${{') ? undefined : input.default;
        values.set(input.name, flags.get(input.name) ?? fromEnv ?? fallback ?? '');
    }
    return (name) => values.get(name) ?? '';
}
/** One warning per secret given as a flag: the process list shows it to every user of the machine. */
function secretFlagWarnings(contract, flags) {
    return contract.inputs
        .filter((input) => input.secret && flags.has(input.name))
        .map((input) => `Warning: --${input.name} shows its value in the process list to anyone on this machine; set ${environmentName(input.name)} in the environment instead.`);
}

;// CONCATENATED MODULE: ./cli/src/help.ts



const EXIT_CODES = 'Exit codes: 0 succeeded; 1 failed (a job or gate failure, a timeout, a cancel, a vendor error); 2 a usage or input problem, before any request.';
function commandHelp() {
    const names = Object.keys(contracts/* CONTRACTS */.o);
    const width = Math.max(...names.map((name) => name.length));
    return [
        'Usage: config-promotion <action> [--<input> <value> | --<input>=<value>]...',
        '       config-promotion <action> --help',
        '       config-promotion check-workflow <file>...',
        '',
        'Actions:',
        ...Object.entries(contracts/* CONTRACTS */.o).map(([name, contract]) => `  ${name.padEnd(width)}  ${contract.title}`),
        '',
        'Every input can also come from the environment as CONFIG_PROMOTION_<NAME> (upper-case, - as _); a flag wins.',
        'Pass secrets that way: a flag shows in the process list.',
        'The host is chosen from the environment (GITHUB_ACTIONS, GITLAB_CI, TF_BUILD, JENKINS_URL), or by --host.',
        'check-workflow checks workflow files (or markdown with ```yaml examples) that use these actions against their contracts.',
        EXIT_CODES,
    ].join('\n');
}
function actionHelp(name, contract) {
    const inputs = contract.inputs.map((input) => {
        const facts = [
            input.required ? 'required' : undefined,
            input.default !== undefined && !input.default.includes('${{') ? `default: ${input.default}` : undefined,
            input.secret ? `secret: set ${environmentName(input.name)}, not the flag` : environmentName(input.name),
        ].filter((fact) => fact !== undefined);
        return `  --${input.name}  (${facts.join('; ')})\n      ${input.description}`;
    });
    const outputs = contract.outputs.map((output) => `  ${output.name}\n      ${output.description}`);
    const hostFlags = Object.entries(HOST_FLAGS).map(([flag, description]) => `  --${flag}  ${description}`);
    return [
        `Usage: config-promotion ${name} [--<input> <value> | --<input>=<value>]...`,
        '',
        `${contract.title}: ${contract.description}`,
        '',
        'Inputs (each also from the environment variable named):',
        ...inputs,
        '',
        'Outputs:',
        ...outputs,
        '',
        'Where the run reports:',
        ...hostFlags,
        '',
        EXIT_CODES,
    ].join('\n');
}

;// CONCATENATED MODULE: ./cli/src/main.ts
/**
 * The config-promotion command: `<action> [--<input> <value>]...` runs that action's own `run` on the host the
 * environment (or --host) names, with the flags, CONFIG_PROMOTION_* and action.yml's defaults as its inputs. It
 * never reads an input itself: the action does, and reports every input problem at once.
 */







/** Usage problems exit 2 before any request or host, as input problems do. */
const USAGE = 2;
/**
 * Runs the command; returns its exit code, or undefined when an action ran (runAction has set process.exitCode:
 * 1 for a failure, 2 for an input problem).
 */
async function main(argv, io) {
    const [first, ...rest] = argv;
    if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
        (first === undefined ? io.err : io.out)(commandHelp());
        return first === undefined ? USAGE : 0;
    }
    if (first === 'check-workflow') {
        const { checkWorkflowFiles } = await Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(162), __nccwpck_require__.e(361)]).then(__nccwpck_require__.bind(__nccwpck_require__, 88361));
        return checkWorkflowFiles(rest, io);
    }
    if (!Object.hasOwn(contracts/* CONTRACTS */.o, first)) {
        const shown = first.length > 60 ? `${first.slice(0, 60)}…` : first;
        io.err(`config-promotion: unknown action '${shown}'. Valid actions: ${Object.keys(contracts/* CONTRACTS */.o).join(', ')}, check-workflow.`);
        return USAGE;
    }
    const action = first;
    const contract = contracts/* CONTRACTS */.o[action];
    const args = parseActionArgs(rest, contract);
    if (args.help) {
        io.out(actionHelp(action, contract));
        return 0;
    }
    if (args.problems.length) {
        for (const problem of args.problems)
            io.err(`config-promotion ${action}: ${problem}`);
        io.err(`Run 'config-promotion ${action} --help' for its inputs.`);
        return USAGE;
    }
    for (const warning of secretFlagWarnings(contract, args.inputs))
        io.err(warning);
    const { hostFlags } = args;
    const hostName = args.host ?? detectHost(io.env);
    if (hostName !== 'github')
        filterToolkitCommands(process.stdout);
    const host = createHost(hostName, {
        action,
        inputs: commandInputs(contract, args.inputs, io.env),
        outputsFile: hostFlags['outputs-file'],
        summaryFile: hostFlags['summary-file'],
        junitFile: hostFlags['junit-file'],
        codequalityFile: hostFlags['codequality-file'],
        dotenvFile: hostFlags['dotenv-file'],
        dotenvPrefix: hostFlags['dotenv-prefix'],
    });
    const { run } = await ACTIONS[action]();
    await run({ host });
    return undefined;
}


/***/ }),

/***/ 32635:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   A0: () => (/* binding */ quote),
/* harmony export */   LX: () => (/* binding */ VERDICT_MAX_CHARS),
/* harmony export */   M$: () => (/* binding */ FileWriteError),
/* harmony export */   MU: () => (/* binding */ TimeoutError),
/* harmony export */   Uw: () => (/* binding */ collapseRepeats),
/* harmony export */   Vj: () => (/* binding */ verdictOf),
/* harmony export */   XO: () => (/* binding */ moreBytes),
/* harmony export */   cc: () => (/* binding */ CancelledError),
/* harmony export */   dk: () => (/* binding */ JobFailedError),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   hD: () => (/* binding */ ApiError),
/* harmony export */   nE: () => (/* binding */ ArtifactError)
/* harmony export */ });
/* unused harmony exports shortLine, QUOTE_MAX_CHARS */
/**
 * The error kinds every action reports. `main` turns each into one `setFailed` line plus titled annotations
 * (see report/run.ts), so each carries what the user needs: what failed, the vendor's words, what to do next.
 */
/** The user's configuration is wrong. Raised before any request is sent. */
class InputError extends Error {
    problems;
    constructor(problems) {
        super(problems.length === 1
            ? `Input '${problems[0].input}': ${problems[0].message}`
            : `${problems.length} input problems: ${problems.map((p) => `'${p.input}': ${p.message}`).join('; ')}`);
        this.name = 'InputError';
        this.problems = problems;
    }
}
/** A request failed: an HTTP error status, a network error, or a body that could not be understood. */
class ApiError extends Error {
    method;
    url;
    status;
    vendorMessage;
    hint;
    kind;
    what;
    code;
    constructor(details) {
        const status = details.status === undefined ? 'no answer' : `HTTP ${details.status}`;
        // A server can say anything at any length: quote a few KB of it, never the whole of a huge answer.
        const vendorMessage = quote(details.vendorMessage);
        super(`${details.method} ${details.url} failed (${status}): ${vendorMessage}` +
            (details.hint ? `. ${details.hint}` : ''));
        this.name = 'ApiError';
        this.method = details.method;
        this.url = details.url;
        this.status = details.status;
        this.vendorMessage = vendorMessage;
        this.hint = details.hint;
        this.kind = details.kind ?? defaultKind(details.status);
        this.what = details.what;
        this.code = details.code;
    }
    /**
     * The failure in one short line, what failed and what to check: "Could not find changeset X (HTTP 401):
     * ServiceNow refused …". The URL with its query and the vendor's whole text stay in `message`, the detail.
     */
    get verdict() {
        const subject = this.what ? `Could not ${this.what}` : `${this.method} ${pathOf(this.url)} failed`;
        const status = this.status !== undefined ? ` (HTTP ${this.status})` : this.code && this.hint ? ` (${this.code})` : '';
        // A network error's message already starts with "could not <what>: ".
        const reason = this.vendorMessage.replace(/^could not [^:]*: /, '');
        return shortLine(`${subject}${status}: ${this.hint ?? reason}`);
    }
}
/** A URL's path without its query: enough to name the endpoint in one line. */
function pathOf(url) {
    try {
        return new URL(url).pathname;
    }
    catch {
        return url.replace(/[?#].*$/, '');
    }
}
/** The longest a verdict (the failure line that opens the summary and closes the log) may be. */
const VERDICT_MAX_CHARS = 200;
/** `text` on one line of at most `max` characters, cut at a word with "…" when longer. */
function shortLine(text, max = VERDICT_MAX_CHARS) {
    const line = text.replace(/\s+/g, ' ').trim();
    if (line.length <= max)
        return line;
    const cut = line.slice(0, max - 1);
    const space = cut.lastIndexOf(' ');
    return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s.,:;]+$/, '')}…`;
}
/**
 * An error as the verdict and, when the verdict leaves something out, the detail: the whole message (URLs,
 * the vendor's full words) for the line below the verdict. What to do next ends a message, so a long one loses
 * its middle, never its advice.
 */
function verdictOf(error, max = VERDICT_MAX_CHARS) {
    const message = errorMessage(error);
    const verdict = error instanceof ApiError ? shortLine(error.verdict, max) : fitLine(...headAndAdvice(error, message), max);
    return verdict === message ? { verdict } : { verdict, detail: message };
}
/** The message's first part and its advice: a JobFailedError's hint, else the last sentence. */
function headAndAdvice(error, message) {
    const hint = error instanceof JobFailedError ? error.hint : undefined;
    if (hint && message.endsWith(`. ${hint}`))
        return [message.slice(0, -hint.length - 2), hint];
    const end = message.lastIndexOf('. ');
    return end > 0 ? [message.slice(0, end), message.slice(end + 2)] : [message, undefined];
}
/** The least of a verdict left to the head when advice is long, so it still says what failed. */
const HEAD_MIN_CHARS = 70;
/** The shortest head that still names the job that failed, when that keeps the advice whole. */
const HEAD_SHORT_CHARS = 45;
/** `head. advice` in `max` characters: the head is cut first, the advice only when it alone is too long. */
function fitLine(head, advice, max) {
    const whole = shortLine(advice ? `${head}. ${advice}` : head, Number.MAX_SAFE_INTEGER);
    if (whole.length <= max || !advice)
        return shortLine(whole, max);
    const line = shortLine(advice, Number.MAX_SAFE_INTEGER);
    // Advice that fits beside a short head stays whole; longer advice leaves the head HEAD_MIN_CHARS.
    const tail = line.length <= max - HEAD_SHORT_CHARS ? line : middleCut(line, max - HEAD_MIN_CHARS);
    return `${shortLine(head, max - tail.length - 1)} ${tail}`;
}
/**
 * Advice longer than `max` loses its middle: its start says what is wrong, its end what to do ("re-run with
 * changeset-number: Chset-4"), so a quarter of the room goes to the start and the rest to the end.
 */
function middleCut(text, max) {
    if (text.length <= max)
        return text;
    const startChars = Math.floor((max - 1) / 4);
    let start = text.slice(0, startChars);
    let end = text.slice(text.length - (max - 1 - startChars));
    // Never half a character at either cut.
    if (/[\uD800-\uDBFF]$/.test(start))
        start = start.slice(0, -1);
    if (/^[\uDC00-\uDFFF]/.test(end))
        end = end.slice(1);
    return `${start.trimEnd()}…${end.trimStart()}`;
}
function defaultKind(status) {
    if (status === undefined)
        return 'network';
    return status >= 200 && status < 300 ? 'unexpected' : 'status';
}
/** The vendor ran the job and reported that it failed; `errors` are the vendor's own messages. */
class JobFailedError extends Error {
    jobId;
    state;
    errors;
    hint;
    constructor(summary, details) {
        const errors = collapseRepeats(details.errors);
        const first = errors[0] === undefined ? undefined : quote(errors[0]);
        super(`${summary}${first ? `: ${first}` : ''}` +
            (errors.length > 1 ? ` (and ${errors.length - 1} more, see the annotations)` : '') +
            (details.hint ? `. ${details.hint}` : ''));
        this.name = 'JobFailedError';
        this.jobId = details.jobId;
        this.state = details.state;
        this.errors = errors.map((error) => quote(error));
        this.hint = details.hint;
    }
}
/** An artifact the user asked for could not be uploaded, on a runner that takes artifacts. */
class ArtifactError extends Error {
    constructor(message) {
        super(message);
        this.name = 'ArtifactError';
    }
}
/** The action's `timeout` ran out before the job finished. */
class TimeoutError extends Error {
    constructor(message) {
        super(message);
        this.name = 'TimeoutError';
    }
}
/** The run was cancelled (SIGINT/SIGTERM from the runner). */
class CancelledError extends Error {
    constructor(message = 'The run was cancelled') {
        super(message);
        this.name = 'CancelledError';
    }
}
/** The same line said n times reads once, with its count: "… (×9)". Order of first appearance is kept. */
function collapseRepeats(lines) {
    const counts = new Map();
    for (const line of lines)
        counts.set(line, (counts.get(line) ?? 0) + 1);
    return [...counts].map(([line, count]) => (count > 1 ? `${line} (×${count})` : line));
}
function errorMessage(error) {
    if (error instanceof Error)
        return error.message;
    // Errors from another realm (a VM context) fail `instanceof Error` but still carry their message.
    const message = error?.message;
    return typeof message === 'string' ? message : String(error);
}
/** The most of one piece of vendor text that a message quotes. */
const QUOTE_MAX_CHARS = 4000;
/** `text`, cut to `maxChars` with "…(N more bytes)" when longer, so a message stays readable whatever came in. */
function quote(text, maxChars = QUOTE_MAX_CHARS) {
    if (text.length <= maxChars)
        return text;
    return `${text.slice(0, maxChars)}${moreBytes(Buffer.byteLength(text.slice(maxChars)))}`;
}
/** "…(1,234 more bytes)": what a cut-off quote or body left out. */
function moreBytes(bytes) {
    return bytes === undefined ? '…(and more, not read)' : `…(${bytes.toLocaleString('en-US')} more bytes)`;
}
/** A file the run writes (an export, a SARIF or results file, a download) could not be written: which, and why. */
class FileWriteError extends Error {
    constructor(message) {
        super(message);
        this.name = 'FileWriteError';
    }
}


/***/ }),

/***/ 50829:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  hd: () => (/* binding */ fileDigest),
  Zf: () => (/* binding */ writeFileAtomic),
  Zs: () => (/* binding */ writeStreamAtomic)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(77598);
// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __nccwpck_require__(78474);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(76760);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __nccwpck_require__(57075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __nccwpck_require__(46466);
;// CONCATENATED MODULE: external "node:timers/promises"
const external_node_timers_promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");
// EXTERNAL MODULE: ./shared/errors.ts
var errors = __nccwpck_require__(32635);
// EXTERNAL MODULE: ./shared/fs/file-name.ts
var file_name = __nccwpck_require__(65070);
// EXTERNAL MODULE: ./shared/fs/output-file.ts
var output_file = __nccwpck_require__(99434);
;// CONCATENATED MODULE: ./shared/fs/atomic.ts
/**
 * Files are written atomically: into a temporary file beside the target, then renamed over it, so a reader never
 * sees half a file and a failure leaves the old file (or none) rather than a fragment. A device or FIFO the user
 * named is written in place instead, and what cannot be written is an error naming the file and the cause
 * (output-file.ts decides which).
 */











/** How long a write into a FIFO waits for a reader at its other end before it fails. */
const FIFO_READER_WAIT_MS = 10_000;
/** `.<name>.<12 hex>.partial`: what the temporary name adds to the target's, kept within one file name's bytes. */
const TEMPORARY_NAME_EXTRA_BYTES = '.'.length + '.'.length + 12 + '.partial'.length;
async function writeFileAtomic(destination, data) {
    return writeStreamAtomic(destination, external_node_stream_.Readable.from([Buffer.from(data)]));
}
/**
 * Streams into the file, counting bytes and hashing on the way; the partial file is removed on failure.
 * `verify` may reject what arrived (a short body, say) before the file takes its place; `head` may reject it from
 * its first bytes (not the kind of file expected) without reading the rest.
 */
async function writeStreamAtomic(destination, source, verify, head) {
    const target = external_node_path_.resolve(destination);
    const found = (0,output_file/* inspectOutputFile */.sR)(target);
    if ('problem' in found)
        throw new errors/* FileWriteError */.M$(`Could not write ${target}: ${found.problem}`);
    const hash = (0,external_node_crypto_.createHash)('sha256');
    let bytes = 0;
    let firstBytes = head ? [] : undefined;
    /** Runs the head check once; true when it threw (the error went to `callback`). */
    const checkHead = (callback, atEnd) => {
        if (!head || !firstBytes || (!atEnd && bytes < head.bytes) || bytes === 0)
            return false;
        const seen = Buffer.concat(firstBytes).subarray(0, head.bytes);
        firstBytes = undefined;
        try {
            head.check(seen);
            return false;
        }
        catch (error) {
            callback(error);
            return true;
        }
    };
    const measure = new external_node_stream_.Transform({
        transform(chunk, _encoding, callback) {
            hash.update(chunk);
            bytes += chunk.length;
            firstBytes?.push(chunk);
            if (!checkHead(callback, false))
                callback(null, chunk);
        },
        flush(callback) {
            if (!checkHead(callback, true))
                callback();
        },
    });
    // Errors of the file system are the file's (named, with their cause); the source's and the checks' pass as they are.
    const intoFile = async (stream) => {
        let sink;
        try {
            sink = await stream();
        }
        catch (error) {
            throw (0,output_file/* fileWriteError */.Sw)(target, error);
        }
        // pipeline hands the first error to every stream, so note which one it started from.
        const upstream = new Set();
        for (const stream of [source, measure])
            stream.once('error', (error) => upstream.add(error));
        await (0,external_node_stream_promises_.pipeline)(source, measure, sink).catch(async (error) => {
            // A file still being opened when the source fails is created after pipeline gives up: wait until it is
            // closed, so the caller's clean-up finds (and removes) it instead of racing it.
            if (!sink.closed)
                await (0,external_node_events_.once)(sink, 'close').catch(() => undefined);
            throw upstream.has(error) ? error : (0,output_file/* fileWriteError */.Sw)(target, error);
        });
        const sha256 = hash.digest('hex');
        verify?.({ bytes, sha256 });
        return sha256;
    };
    if (found.how === 'in-place') {
        // Nothing is atomic about a device or pipe: its reader sees the bytes as they come.
        const sha256 = await intoFile(async () => (await openInPlace(found.real, found.fifo)).createWriteStream());
        return { path: target, bytes, sha256 };
    }
    const temporary = external_node_path_.join(external_node_path_.dirname(target), `.${(0,file_name/* cutUtf8 */.Ok)(external_node_path_.basename(target), file_name/* FILE_NAME_MAX_BYTES */.YO - TEMPORARY_NAME_EXTRA_BYTES)}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.partial`);
    let sha256;
    try {
        sha256 = await intoFile(async () => {
            await (0,promises_.mkdir)(external_node_path_.dirname(target), { recursive: true });
            return (0,external_node_fs_.createWriteStream)(temporary, { flags: 'wx' });
        });
        await (0,promises_.rename)(temporary, target).catch((error) => {
            throw (0,output_file/* fileWriteError */.Sw)(target, error);
        });
    }
    catch (error) {
        await (0,promises_.rm)(temporary, { force: true });
        throw error;
    }
    return { path: target, bytes, sha256 };
}
/**
 * Opens a device, or a FIFO once a reader holds its other end: a plain open would block a thread until one came,
 * beyond the run's timeout. The probe stays open until the real handle is, so the reader never sees an early end.
 */
async function openInPlace(file, fifo) {
    if (!fifo)
        return (0,promises_.open)(file, 'w');
    const started = Date.now();
    for (;;) {
        try {
            const probe = await (0,promises_.open)(file, external_node_fs_.constants.O_WRONLY | external_node_fs_.constants.O_NONBLOCK);
            try {
                return await (0,promises_.open)(file, 'w');
            }
            finally {
                await probe.close();
            }
        }
        catch (error) {
            if (error.code !== 'ENXIO' || Date.now() - started > FIFO_READER_WAIT_MS)
                throw error;
            await (0,external_node_timers_promises_namespaceObject.setTimeout)(50);
        }
    }
}
/** Size and sha256 of a file on disk, read as a stream. */
async function fileDigest(file) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    let bytes = 0;
    for await (const chunk of (0,external_node_fs_.createReadStream)(file)) {
        hash.update(chunk);
        bytes += chunk.length;
    }
    return { path: external_node_path_.resolve(file), bytes, sha256: hash.digest('hex') };
}


/***/ }),

/***/ 65070:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ok: () => (/* binding */ cutUtf8),
/* harmony export */   Tx: () => (/* binding */ safeFileName),
/* harmony export */   YO: () => (/* binding */ FILE_NAME_MAX_BYTES),
/* harmony export */   _P: () => (/* binding */ summaryFileName)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/** File names built from inputs or vendor text, which must never name a path. */

/** The most bytes one file name may have on Linux, macOS and Windows file systems alike. */
const FILE_NAME_MAX_BYTES = 255;
/**
 * A name as a single file name on every OS: path separators, reserved and control characters become `_`, leading
 * dots go (no `..`, no hidden file), e.g. "Package-1-2-2025-01-27 09-44" → "Package-1-2-2025-01-27_09-44" and
 * "../../x" → "x". Never empty: `fallback` when nothing is left. With `extension` (".json") the whole name, the
 * extension kept whole, fits in 255 UTF-8 bytes: the file systems' limit counts bytes, not characters.
 */
function safeFileName(name, fallback = 'file', extension = '') {
    const safe = name
        // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
        .replace(/[<>:"/\\|?*\u0000-\u001f]/g, '_')
        .replace(/\s+/g, '_')
        .replace(/^[.\s_]+|[.\s]+$/g, '');
    const room = FILE_NAME_MAX_BYTES - Buffer.byteLength(extension);
    return `${cutUtf8(safe, room).replace(/[.\s]+$/, '') || cutUtf8(fallback, room)}${extension}`;
}
/** The longest start of `text` that fits in `maxBytes` of UTF-8, never splitting a character. */
function cutUtf8(text, maxBytes) {
    if (Buffer.byteLength(text) <= maxBytes)
        return text;
    let bytes = 0;
    let end = 0;
    for (const character of text) {
        const size = Buffer.byteLength(character);
        if (bytes + size > maxBytes)
            break;
        bytes += size;
        end += character.length;
    }
    return text.slice(0, end);
}
/**
 * A file as the job summary names it: its path from the workspace when inside it, else its base name (a runner-temp
 * path says nothing to the reader; the output and the artifact hold the file).
 */
function summaryFileName(file, workspace = process.cwd()) {
    const relative = node_path__WEBPACK_IMPORTED_MODULE_0__.relative(workspace, file);
    return relative && !relative.startsWith('..') && !node_path__WEBPACK_IMPORTED_MODULE_0__.isAbsolute(relative) ? relative : node_path__WEBPACK_IMPORTED_MODULE_0__.basename(file);
}


/***/ }),

/***/ 99434:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ax: () => (/* binding */ unusedPath),
/* harmony export */   HR: () => (/* binding */ outputFileProblem),
/* harmony export */   Sw: () => (/* binding */ fileWriteError),
/* harmony export */   sR: () => (/* binding */ inspectOutputFile)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(32635);
/* harmony import */ var _file_name_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(65070);
/**
 * Where an output file (an export, SARIF, results, a download) may be written, and how. A regular file is replaced
 * atomically; a character device or FIFO the user named (/dev/null, /dev/stdout, a pipe) is written in place, since
 * renaming a file over it would put a regular file where the device was (as root, that breaks the machine); a folder,
 * socket or disk is refused.
 *
 * Links: the rule for reads (files/workspace.ts) holds for writes too. A path inside the workspace or RUNNER_TEMP
 * must really land inside it: a folder link in a contributor's pull request (`reports -> /etc`) must not carry a
 * write out of it. A path outside both was named by the user as it is, and is taken as given.
 */





/** Why `file` cannot be written (cause, then what to do), or how it is written. Reads the file system. */
function inspectOutputFile(file) {
    try {
        return inspect(node_path__WEBPACK_IMPORTED_MODULE_2__.resolve(file));
    }
    catch (error) {
        return { problem: causeOf(error) }; // e.g. EACCES on a folder on the way
    }
}
function inspect(absolute) {
    const nameBytes = Buffer.byteLength(node_path__WEBPACK_IMPORTED_MODULE_2__.basename(absolute));
    if (nameBytes > _file_name_js__WEBPACK_IMPORTED_MODULE_4__/* .FILE_NAME_MAX_BYTES */ .YO) {
        return {
            problem: `its name is ${nameBytes} bytes long, over the ${_file_name_js__WEBPACK_IMPORTED_MODULE_4__/* .FILE_NAME_MAX_BYTES */ .YO} bytes a file name may have. Choose a shorter name`,
        };
    }
    const parent = realFolder(node_path__WEBPACK_IMPORTED_MODULE_2__.dirname(absolute));
    if ('problem' in parent)
        return parent;
    const info = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)(absolute, { throwIfNoEntry: false });
    const kind = info && refusedKind(info);
    if (kind)
        return { problem: kind };
    const inPlace = info !== undefined && (info.isCharacterDevice() || info.isFIFO());
    // A replaced file lands beside its link (the rename replaces the link); an in-place write goes where it leads.
    const real = inPlace ? (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.realpathSync)(absolute) : node_path__WEBPACK_IMPORTED_MODULE_2__.join(parent.real, node_path__WEBPACK_IMPORTED_MODULE_2__.basename(absolute));
    const escape = leavesRoot(absolute, real);
    if (escape)
        return { problem: escape };
    return { how: inPlace ? 'in-place' : 'replace', real, fifo: inPlace && info.isFIFO() };
}
/** For an input: why the file it names cannot be written, or undefined. */
function outputFileProblem(file) {
    const target = inspectOutputFile(file);
    return 'problem' in target ? target.problem : undefined;
}
/**
 * `folder/stem` for a set of files to be written beside each other (`.sarif`, `.json`), none of which exists yet:
 * `stem`, else `stem-2`, `stem-3`, ... A default name never replaces a file an earlier step wrote.
 */
function unusedPath(folder, stem, extensions) {
    const suffix = '-'.length + 8; // room for the longest suffix, `-` and 8 hex digits
    const room = _file_name_js__WEBPACK_IMPORTED_MODULE_4__/* .FILE_NAME_MAX_BYTES */ .YO - Math.max(0, ...extensions.map((e) => Buffer.byteLength(e))) - suffix;
    const base = node_path__WEBPACK_IMPORTED_MODULE_2__.join(node_path__WEBPACK_IMPORTED_MODULE_2__.resolve(folder), (0,_file_name_js__WEBPACK_IMPORTED_MODULE_4__/* .cutUtf8 */ .Ok)(stem, room));
    for (let n = 1; n < 1000; n++) {
        const candidate = n === 1 ? base : `${base}-${n}`;
        if (extensions.every((extension) => !exists(`${candidate}${extension}`)))
            return candidate;
    }
    return `${base}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}`;
}
/** Anything there, a dangling link too; a path that cannot be looked at counts as free (writing it says why). */
function exists(file) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.lstatSync)(file, { throwIfNoEntry: false }) !== undefined;
    }
    catch {
        return false;
    }
}
/** "Could not write <file>: <cause>. <what to do>" from a failed write's error (ENOSPC, EROFS, ...). */
function fileWriteError(file, error) {
    if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .FileWriteError */ .M$)
        return error;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .FileWriteError */ .M$(`Could not write ${node_path__WEBPACK_IMPORTED_MODULE_2__.resolve(file)}: ${causeOf(error)}`);
}
function causeOf(error) {
    const code = error?.code;
    const known = code ? CAUSES[code] : undefined;
    return known ?? `${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error)}. Check the path, and that its folder is writable`;
}
const NO_SPACE = 'Free space on the runner, or write the file elsewhere';
const CAUSES = {
    ENOSPC: `no space left on the device. ${NO_SPACE}`,
    EDQUOT: `the disk quota is used up. ${NO_SPACE}`,
    EROFS: 'the file system is read-only. Write the file to a writable folder, such as RUNNER_TEMP',
    EACCES: 'permission denied. Write the file to a folder this user may write to, such as RUNNER_TEMP',
    EPERM: 'the operation is not permitted. Write the file to a folder this user may write to, such as RUNNER_TEMP',
    ENAMETOOLONG: `a name in its path is over ${_file_name_js__WEBPACK_IMPORTED_MODULE_4__/* .FILE_NAME_MAX_BYTES */ .YO} bytes. Choose a shorter name`,
    EISDIR: 'it is a folder. Name a file, not a folder',
    ENOTDIR: 'a folder in its path is a file. Check the path',
    ENXIO: 'nothing reads from the FIFO. Start its reader before this step',
    EIO: 'the device reported an input/output error. Check the disk, or write the file elsewhere',
};
function refusedKind(info) {
    if (info.isDirectory())
        return 'it is a folder. Name a file, not a folder';
    if (info.isSocket())
        return 'it is a socket. Name a file, a FIFO or a device such as /dev/null';
    if (info.isBlockDevice())
        return 'it is a block device (a disk). Name a file, not a disk';
    return undefined;
}
/** The real path of `folder`; for a folder not made yet, its nearest existing ancestor's real path joined by the rest. */
function realFolder(folder) {
    const rest = [];
    for (let current = folder;; current = node_path__WEBPACK_IMPORTED_MODULE_2__.dirname(current)) {
        const info = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.lstatSync)(current, { throwIfNoEntry: false });
        if (info) {
            const real = realOr(current, '');
            if (!real)
                return { problem: `${current} is a link that leads nowhere. Check the path` };
            if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)(real).isDirectory())
                return { problem: `${current} is not a folder. Check the path` };
            return { real: node_path__WEBPACK_IMPORTED_MODULE_2__.join(real, ...rest.reverse()) };
        }
        if (node_path__WEBPACK_IMPORTED_MODULE_2__.dirname(current) === current)
            return { real: folder };
        rest.push(node_path__WEBPACK_IMPORTED_MODULE_2__.basename(current));
    }
}
/** Why a path inside the workspace or RUNNER_TEMP lands outside it through a link, or undefined. */
function leavesRoot(absolute, real) {
    const roots = [
        { name: 'the workspace', folder: process.env.GITHUB_WORKSPACE || process.cwd() },
        ...(process.env.RUNNER_TEMP ? [{ name: 'RUNNER_TEMP', folder: process.env.RUNNER_TEMP }] : []),
    ].map((root) => {
        const folder = node_path__WEBPACK_IMPORTED_MODULE_2__.resolve(root.folder);
        return { ...root, folder, real: realOr(folder) };
    });
    const holding = roots.filter((root) => inside(absolute, root.folder) || inside(absolute, root.real));
    if (!holding.length || holding.some((root) => inside(real, root.real)))
        return undefined;
    return (`it leads outside ${holding[0].name} ${holding[0].folder} (to ${real}). Files are written only inside the ` +
        'workspace or RUNNER_TEMP when their path is in one of them; name the real path to write there');
}
function realOr(file, fallback = file) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.realpathSync)(file);
    }
    catch {
        return fallback;
    }
}
function inside(file, folder) {
    const relative = node_path__WEBPACK_IMPORTED_MODULE_2__.relative(folder, file);
    return relative === '' || (!relative.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_2__.sep}`) && relative !== '..' && !node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute(relative));
}


/***/ }),

/***/ 24539:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ githubHost)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(77094);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(32635);
/* harmony import */ var _inputs_reader_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(1689);
/* harmony import */ var _report_artifact_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(49771);
/* harmony import */ var _report_logger_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(35077);
/* harmony import */ var _report_outputs_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(59747);
/**
 * GitHub Actions, the first host: inputs from `INPUT_*`, lines and annotations as workflow commands through
 * @actions/core, outputs into GITHUB_OUTPUT, the summary into GITHUB_STEP_SUMMARY, artifacts to the artifact service.
 */






function githubHost(inputs = _inputs_reader_js__WEBPACK_IMPORTED_MODULE_2__/* .environmentInputs */ .rg) {
    return {
        name: 'github',
        inputs,
        logger: (redactor) => (0,_report_logger_js__WEBPACK_IMPORTED_MODULE_4__/* .coreLogger */ .Wj)(redactor),
        outputs: (logger) => (0,_report_outputs_js__WEBPACK_IMPORTED_MODULE_5__/* .coreOutputs */ .qM)(logger),
        async writeSummary(markdown, logger) {
            // Outside a runner (no GITHUB_STEP_SUMMARY) the summary is printed to the log, so a local run still shows it.
            if (!process.env.GITHUB_STEP_SUMMARY)
                return logger.info(`Job summary:\n${markdown}`);
            try {
                await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z.addRaw(markdown, true).write();
            }
            catch (error) {
                logger.warning(`Could not write the job summary: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}`);
            }
        },
        uploadArtifact: _report_artifact_js__WEBPACK_IMPORTED_MODULE_3__/* .uploadArtifact */ .m,
        reportResults: () => undefined,
        close: async () => undefined,
        exitCode: () => 1,
    };
}


/***/ }),

/***/ 1689:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  i_: () => (/* binding */ InputReader),
  CI: () => (/* binding */ echoInput),
  rg: () => (/* binding */ environmentInputs)
});

// EXTERNAL MODULE: ./shared/errors.ts
var errors = __nccwpck_require__(32635);
// EXTERNAL MODULE: ./shared/runtime.ts
var runtime = __nccwpck_require__(65742);
// EXTERNAL MODULE: ./shared/secret-forms.ts
var secret_forms = __nccwpck_require__(80062);
;// CONCATENATED MODULE: ./shared/inputs/parse.ts
/** The text formats the input reader accepts: lists, durations, sizes and base URLs. Pure functions of text. */
const DURATION_UNITS_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
/** `a, b and c` (or `a, b or c`). */
function listOf(names, conjunction) {
    return names.length > 1
        ? `${names.slice(0, -1).join(', ')} ${conjunction} ${names[names.length - 1]}`
        : names.join('');
}
function splitList(value) {
    return value
        .split(/[\n,]/)
        .map((item) => item.trim())
        .filter((item) => item !== '');
}
function parseDuration(text) {
    const value = text.trim();
    if (/^\d+(\.\d+)?$/.test(value))
        return Math.round(Number(value) * 1000);
    const pattern = /(\d+(?:\.\d+)?)(ms|h|m|s)/gy;
    let total = 0;
    let consumed = 0;
    for (let match = pattern.exec(value); match; match = pattern.exec(value)) {
        total += Number(match[1]) * DURATION_UNITS_MS[match[2]];
        consumed = pattern.lastIndex;
    }
    return consumed === value.length && consumed > 0 ? Math.round(total) : undefined;
}
const SIZE_UNITS = { '': 1, b: 1, kb: 1024, mb: 1024 * 1024, gb: 1024 * 1024 * 1024 };
function parseSize(text) {
    const match = /^(\d+(?:\.\d+)?)\s*([kmg]?b)?$/i.exec(text.trim());
    if (!match)
        return undefined;
    return Math.round(Number(match[1]) * SIZE_UNITS[(match[2] ?? '').toLowerCase()]);
}
/** An http(s) base URL without a trailing slash, or undefined when the text is not one (see InputReader.url). */
function parseBaseUrl(text) {
    const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
    let url;
    try {
        url = new URL(withScheme);
    }
    catch {
        return undefined;
    }
    if (!['http:', 'https:'].includes(url.protocol) || url.username || url.password || url.search || url.hash) {
        return undefined;
    }
    return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}
/**
 * The port written in a URL (with or without a scheme) when it is not one from 1 to 65535. `new URL` takes port 0
 * (nothing listens there) and refuses ports over 65535 only as an invalid URL, which would not say why.
 */
function invalidPortOf(text) {
    const authority = /^(?:[a-z][a-z0-9+.-]*:\/\/)?([^/?#]*)/i.exec(text.trim())?.[1] ?? '';
    const port = /:(\d+)$/.exec(authority.slice(authority.lastIndexOf('@') + 1))?.[1];
    return port !== undefined && (Number(port) < 1 || Number(port) > 65535) ? port : undefined;
}
/** The `user:password` part of a URL (with or without a scheme), or undefined when it has none. */
function userinfoOf(text) {
    return USERINFO.exec(text.trim())?.[2] || undefined;
}
/** `https://admin:secret@host/x` → `https://***@host/x`. */
function withoutUserinfo(text) {
    return text.trim().replace(USERINFO, '$1***@');
}
/** Scheme (optional), then userinfo up to the last `@` before the path, query or fragment. */
const USERINFO = /^((?:[a-z][a-z0-9+.-]*:)?\/\/|)([^/?#]*)@/i;
function decodeURIComponentSafe(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return text;
    }
}
function isLoopback(hostname) {
    return hostname === 'localhost' || hostname.startsWith('127.') || hostname === '[::1]';
}

;// CONCATENATED MODULE: ./shared/inputs/reader.ts
/**
 * The one input reader. Each reader method records a problem instead of throwing, so `finish()` reports every
 * problem of the run together, each naming the input and what would be valid, before any request is sent.
 */




/** How the runner passes inputs: `INPUT_<NAME>` with spaces as underscores, upper-cased (hyphens stay). */
const environmentInputs = (name) => process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '';
/** How much of a given value a problem quotes: enough to recognise it, never a whole file pasted into an input. */
const ECHO_CHARS = 200;
/** The value's first ECHO_CHARS characters, and how many more there were (0 when it is whole). */
function cut(value) {
    if (value.length <= ECHO_CHARS)
        return { shown: value, more: 0 };
    // Cutting between the two halves of a surrogate pair would leave half a character.
    const end = /[\uD800-\uDBFF]/.test(value[ECHO_CHARS - 1]) ? ECHO_CHARS - 1 : ECHO_CHARS;
    return { shown: `${value.slice(0, end)}…`, more: value.length - end };
}
/** `(got 'value')`, the value cut to ECHO_CHARS with how much more there was: the end of every problem. */
function gotText(value) {
    const { shown, more } = cut(value);
    return more ? `(got '${shown}', ${more} more characters)` : `(got '${shown}')`;
}
/** `'value'`, cut like gotText, for a problem that quotes a value (or one item of it) inside its sentence. */
function echoInput(value) {
    const { shown, more } = cut(value);
    return more ? `'${shown}' (${more} more characters)` : `'${shown}'`;
}
const TRUE_VALUES = ['true', 'True', 'TRUE'];
const FALSE_VALUES = ['false', 'False', 'FALSE'];
class InputReader {
    source;
    logger;
    problems = [];
    constructor(source, logger) {
        this.source = source;
        this.logger = logger;
    }
    /** True when the input was given (non-empty). */
    has(name) {
        return this.raw(name) !== '';
    }
    /**
     * Records a problem with `input`. `got` is the value as given, when the message quotes it: every echo of a value
     * goes through here, so none is quoted at any length.
     */
    problem(input, message, got) {
        this.problems.push({ input, message: got === undefined ? message : `${message} ${gotText(got)}` });
    }
    string(name, options = {}) {
        const value = this.raw(name);
        if (value)
            return value;
        if (options.required)
            this.problem(name, 'is required');
        return options.default;
    }
    /** The value exactly as given, surrounding whitespace included (content that is sent as it is). */
    verbatim(name) {
        return this.source(name);
    }
    /** A secret is masked the moment it is read; one too short to tell from ordinary text is warned about. */
    secret(name, options = {}) {
        const value = this.string(name, options);
        if (value)
            this.logger.mask(value);
        if (value && value.length < secret_forms/* RELIABLE_SECRET_LENGTH */.PH) {
            // The value's length is not said either: it narrows the guess.
            this.logger.warning(`Input '${name}' is shorter than ${secret_forms/* RELIABLE_SECRET_LENGTH */.PH} characters, so it cannot be protected reliably: it is too short to tell apart from ordinary text in the log, outputs and files. Use a longer secret.`, `Input '${name}'`);
        }
        return value;
    }
    choice(name, values, options = {}) {
        const value = this.raw(name);
        if (!value)
            return options.default;
        const found = values.find((v) => (options.ignoreCase ? v.toLowerCase() === value.toLowerCase() : v === value));
        if (found === undefined)
            this.problem(name, `must be one of ${values.join(', ')}`, value);
        return found;
    }
    /** YAML 1.2 core booleans: true/True/TRUE, false/False/FALSE. */
    boolean(name, defaultValue) {
        const value = this.raw(name);
        if (!value)
            return defaultValue;
        if (TRUE_VALUES.includes(value))
            return true;
        if (FALSE_VALUES.includes(value))
            return false;
        this.problem(name, 'must be true or false', value);
        return defaultValue;
    }
    /**
     * `90s`, `15m`, `1h`, `1h30m`, `500ms` or bare seconds; returns milliseconds. `min` (ms) refuses shorter values,
     * e.g. a poll interval below what the poller waits at least.
     */
    duration(name, defaultValue, options = {}) {
        const value = this.raw(name) || defaultValue;
        const ms = parseDuration(value);
        if (ms === undefined || ms <= 0) {
            this.problem(name, 'must be a positive duration such as 90s, 15m, 1h or a number of seconds', value);
            return parseDuration(defaultValue) ?? 0;
        }
        if (options.min !== undefined && ms < options.min) {
            this.problem(name, `must be at least ${(0,runtime/* formatDuration */.a3)(options.min)}`, value);
            return parseDuration(defaultValue) ?? 0;
        }
        return ms;
    }
    integer(name, options = {}) {
        const value = this.raw(name);
        if (!value)
            return options.default;
        const n = /^[+-]?\d+$/.test(value) ? Number(value) : NaN;
        const tooLow = options.min !== undefined && n < options.min;
        const tooHigh = options.max !== undefined && n > options.max;
        if (!Number.isSafeInteger(n) || tooLow || tooHigh) {
            const range = [
                options.min !== undefined && `at least ${options.min}`,
                options.max !== undefined && `at most ${options.max}`,
            ]
                .filter(Boolean)
                .join(' and ');
            this.problem(name, `must be a whole number${range ? ` ${range}` : ''}`, value);
            return options.default;
        }
        return n;
    }
    /** A size such as `2MB`, `512KB`, `1.5MB` or bare bytes (KB and MB are 1024-based, as the servers count). */
    size(name, defaultValue) {
        const value = this.raw(name);
        if (!value)
            return defaultValue;
        const bytes = parseSize(value);
        if (bytes === undefined) {
            this.problem(name, 'must be a size such as 2MB, 512KB or a number of bytes, or 0 for no limit', value);
            return defaultValue;
        }
        return bytes;
    }
    /**
     * An http(s) base URL: https is added when no scheme is given, the trailing slash removed; credentials, query and
     * fragment are refused. Plain http to a host other than this machine warns that credentials travel unencrypted.
     * `normalize` maps shorthand first (a ServiceNow instance name, say); `expected` describes valid values.
     */
    url(name, options = {}) {
        const value = this.string(name, { required: options.required, default: options.default });
        if (value === undefined)
            return undefined;
        const text = options.normalize ? options.normalize(value) : value;
        const credentials = userinfoOf(text);
        if (credentials) {
            // Never echoed: the password would land in the log. Masked too, in case something else quotes the URL.
            const colon = credentials.indexOf(':');
            if (colon >= 0)
                this.logger.mask(decodeURIComponentSafe(credentials.slice(colon + 1)));
            this.problem(name, `must not contain a user name or password ${gotText(withoutUserinfo(value))}: give the credentials in their own inputs, from secrets`);
            return undefined;
        }
        if (invalidPortOf(text) !== undefined) {
            this.problem(name, 'must have a port from 1 to 65535', value);
            return undefined;
        }
        const url = parseBaseUrl(text);
        if (url === undefined && /[?#]/.test(value)) {
            // A query may carry a token (?api_key=...): not echoed either.
            this.problem(name, 'must be a base URL without a query or fragment', `${value.replace(/[?#].*$/s, '')}?…`);
        }
        else if (url === undefined) {
            this.problem(name, `must be ${options.expected ?? 'an http(s) URL'}`, value);
        }
        else if (url.startsWith('http:') && !isLoopback(new URL(url).hostname)) {
            this.logger.warning(`${name} uses plain http: credentials travel unencrypted to ${new URL(url).host}. Use https.`, 'Unencrypted connection');
        }
        return url;
    }
    /** Parses a JSON input that must be an object (or an array). */
    json(name, kind) {
        const value = this.raw(name);
        if (!value)
            return undefined;
        let parsed;
        try {
            parsed = JSON.parse(value);
        }
        catch (error) {
            this.problem(name, `must be a JSON ${kind}: ${error.message}`);
            return undefined;
        }
        const isArray = Array.isArray(parsed);
        const ok = kind === 'array' ? isArray : typeof parsed === 'object' && parsed !== null && !isArray;
        if (!ok) {
            this.problem(name, `must be a JSON ${kind} (got ${isArray ? 'an array' : parsed === null ? 'null' : typeof parsed})`);
            return undefined;
        }
        return parsed;
    }
    /** Newline- or comma-separated items, trimmed, empty ones dropped. */
    list(name) {
        return splitList(this.raw(name));
    }
    /**
     * Exactly one of `names` must be given; returns the one that was. `context` prefixes the problem when the rule
     * belongs to something else (an operation, say): "create-app: give only one of ...".
     */
    exactlyOne(names, options = {}) {
        const given = names.filter((name) => this.has(name));
        if (given.length === 1)
            return given[0];
        const prefix = options.context ? `${options.context}: ` : '';
        if (given.length)
            this.problem(given[1], `${prefix}give only one of ${listOf(names, 'and')} (got ${given.join(', ')})`);
        else
            this.problem(names[0], `${prefix}give ${listOf(names, 'or')}`);
        return undefined;
    }
    /** At least one of `names` must be given (`context` as for exactlyOne). */
    atLeastOne(names, options = {}) {
        if (names.some((name) => this.has(name)))
            return;
        this.problem(names[0], `${options.context ? `${options.context}: ` : ''}give at least one of ${listOf(names, 'or')}`);
    }
    /** `name` means something only when `applies` holds; `when` says when ("artifact-name", "target: collection"). */
    onlyWith(name, applies, when) {
        if (!applies && this.has(name))
            this.problem(name, `only applies with ${when}`);
    }
    /** `name` must be given when `needed` holds; `when` says when, as for onlyWith. */
    requiredWith(name, needed, when) {
        if (needed && !this.has(name))
            this.problem(name, `is required with ${when}`);
    }
    /**
     * Throws one InputError with every problem found, if any. Otherwise returns `required` with its types narrowed
     * to present: the values a flow needs come out of here, so no later check can quietly end a run that did nothing.
     * A value still missing without a recorded problem is a defect of the action, and fails the step as such.
     */
    finish(required = {}) {
        if (this.problems.length)
            throw new errors/* InputError */.dz(this.problems);
        const missing = Object.keys(required).filter((key) => required[key] === undefined || required[key] === null);
        if (missing.length)
            throw new Error(`No value for ${missing.join(', ')} although no input problem was found`);
        return required;
    }
    raw(name) {
        return this.source(name).trim();
    }
}


/***/ }),

/***/ 58550:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Q8: () => (/* binding */ jsonDocument),
/* harmony export */   Ue: () => (/* binding */ vendorNumber),
/* harmony export */   bp: () => (/* binding */ describeValue),
/* harmony export */   dn: () => (/* binding */ mapJsonStrings),
/* harmony export */   s$: () => (/* binding */ jsonText),
/* harmony export */   ws: () => (/* binding */ scalarText),
/* harmony export */   y0: () => (/* binding */ nonEmptyString)
/* harmony export */ });
/* unused harmony export jsonDepth */
/**
 * Vendor JSON handled without recursion: JSON.parse copes with any depth, but JSON.stringify and any recursive walk
 * overflow the stack on data nested tens of thousands deep. Everything here works with an explicit stack, so the depth
 * of an answer costs memory, never the call stack.
 */
/** Nesting deeper than this is written compactly: indentation would grow with the square of the depth. */
const PRETTY_DEPTH_LIMIT = 200;
/** How deeply arrays and objects nest in `value` (a scalar is 0, `[]` is 1); stops counting past `stopAfter`. */
function jsonDepth(value, stopAfter = Infinity) {
    let deepest = 0;
    // Two parallel stacks rather than one of small objects: this runs over every node of large exports.
    const pending = [];
    const depths = [];
    const visit = (child, depth) => {
        if (child !== null && typeof child === 'object') {
            pending.push(child);
            depths.push(depth);
        }
    };
    visit(value, 1);
    while (pending.length) {
        const current = pending.pop();
        const depth = depths.pop();
        if (depth > deepest) {
            deepest = depth;
            if (deepest > stopAfter)
                return deepest;
        }
        if (Array.isArray(current)) {
            for (let i = 0; i < current.length; i++)
                visit(current[i], depth + 1);
        }
        else {
            for (const key in current) {
                if (Object.prototype.hasOwnProperty.call(current, key))
                    visit(current[key], depth + 1);
            }
        }
    }
    return deepest;
}
/** Mirrors JSON.stringify's rules for a member value: toJSON, and what is left out (undefined, functions, symbols). */
function prepare(value, key) {
    if (value !== null && typeof value === 'object' && typeof value.toJSON === 'function') {
        return value.toJSON(key);
    }
    return value;
}
function omitted(value) {
    return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}
/**
 * The compact JSON text of `value`, the same as JSON.stringify gives, at any depth. With `maxChars`, the text stops
 * after about that many characters and says so, so a message quoting vendor data stays short whatever arrived.
 */
function jsonText(value, maxChars = Infinity) {
    if (maxChars === Infinity) {
        // The engine's own serialiser is many times faster; it can only fail on depth, and then the walk below takes over.
        try {
            return JSON.stringify(value) ?? 'null';
        }
        catch (error) {
            if (!(error instanceof RangeError))
                throw error;
        }
    }
    return walkJson(value, maxChars);
}
function walkJson(value, maxChars) {
    const parts = [];
    let length = 0;
    const write = (text) => {
        parts.push(text);
        length += text.length;
    };
    const stack = [];
    const open = new Set();
    /** Writes a scalar, or opens an array or object; `item` has been through prepare() already. */
    const start = (item) => {
        if (item === null || typeof item !== 'object') {
            write(omitted(item) ? 'null' : JSON.stringify(item));
            return;
        }
        if (open.has(item))
            throw new TypeError('Converting circular structure to JSON');
        open.add(item);
        if (Array.isArray(item)) {
            write('[');
            stack.push({ kind: 'array', owner: item, items: item, next: 0 });
        }
        else {
            write('{');
            stack.push({ kind: 'object', owner: item, entries: Object.entries(item), next: 0, written: 0 });
        }
    };
    start(prepare(value, ''));
    while (stack.length && length <= maxChars) {
        const frame = stack[stack.length - 1];
        if (frame.kind === 'array') {
            if (frame.next < frame.items.length) {
                const index = frame.next++;
                if (index > 0)
                    write(',');
                start(prepare(frame.items[index], String(index)));
                continue;
            }
            write(']');
        }
        else {
            let member;
            while (!member && frame.next < frame.entries.length) {
                const [key, raw] = frame.entries[frame.next++];
                const item = prepare(raw, key);
                if (!omitted(item))
                    member = [key, item];
            }
            if (member) {
                write(`${frame.written++ > 0 ? ',' : ''}${JSON.stringify(member[0])}:`);
                start(member[1]);
                continue;
            }
            write('}');
        }
        open.delete(frame.owner);
        stack.pop();
    }
    const text = parts.join('');
    if (text.length <= maxChars && !stack.length)
        return text;
    return `${text.slice(0, maxChars)}…(cut at ${maxChars} characters)`;
}
/** Pretty JSON (two-space indent) when the nesting allows it, else compact JSON; `compact` says which. */
function jsonDocument(value) {
    const depth = jsonDepth(value, PRETTY_DEPTH_LIMIT);
    if (depth <= PRETTY_DEPTH_LIMIT)
        return { text: JSON.stringify(value, null, 2), compact: false, depth };
    return { text: jsonText(value), compact: true, depth: jsonDepth(value) };
}
/**
 * A vendor value as text for a name, a table cell or a message: a string as it is, a number or boolean as written,
 * nothing for null or absent, anything else as bounded JSON (String() of a deeply nested array overflows the stack).
 */
function scalarText(value, maxChars = 2000) {
    if (value === undefined || value === null)
        return '';
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    return jsonText(value, maxChars);
}
const NUMERIC_TEXT = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/;
function vendorNumber(value) {
    if (value === undefined || value === null)
        return { kind: 'missing' };
    if (typeof value === 'number' && Number.isFinite(value))
        return { kind: 'number', value };
    if (typeof value === 'string' && NUMERIC_TEXT.test(value))
        return { kind: 'number', value: Number(value) };
    return { kind: 'unreadable', got: describeValue(value) };
}
/** A short description of an unexpected value for a message: its JSON (cut short) and, for non-strings, its type. */
function describeValue(value, maxChars = 200) {
    if (typeof value === 'string')
        return jsonText(value, maxChars);
    const type = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
    const kind = type === 'null' ? 'null' : `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
    return `${kind}: ${jsonText(value, maxChars)}`;
}
/** A string with something in it, or undefined (for optional text fields of vendor answers). */
function nonEmptyString(value) {
    return typeof value === 'string' && value ? value : undefined;
}
/**
 * Passes every string in parsed JSON, keys included, through `map`, in place and without recursion; numbers,
 * booleans and null stay as they are. `value` must be the caller's own copy (fresh from JSON.parse).
 */
function mapJsonStrings(value, map) {
    if (typeof value === 'string')
        return map(value);
    const pending = [value];
    const mapped = (item) => {
        if (typeof item === 'string')
            return map(item);
        if (item !== null && typeof item === 'object')
            pending.push(item);
        return item;
    };
    while (pending.length) {
        const current = pending.pop();
        if (Array.isArray(current)) {
            for (let i = 0; i < current.length; i++)
                current[i] = mapped(current[i]);
            continue;
        }
        for (const key of Object.keys(current)) {
            const item = mapped(current[key]);
            const newKey = map(key);
            if (newKey !== key)
                delete current[key];
            // defineProperty, not assignment: a key `__proto__` from JSON.parse is an own property and must stay one.
            Object.defineProperty(current, newKey, { value: item, writable: true, enumerable: true, configurable: true });
        }
    }
    return value;
}


/***/ }),

/***/ 49771:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ readArtifactInputs),
/* harmony export */   m: () => (/* binding */ uploadArtifact)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(32635);
/**
 * Artifact upload, only when the user named an artifact. Where the runtime cannot take one (run outside GitHub
 * Actions, or GitHub Enterprise Server, which this artifact client does not support) it warns and the run goes on:
 * the file stays on disk for a later step. Where it can, a failed upload fails the step: the user asked for the
 * artifact and a later job would look for it. Callers report their outputs and files before uploading.
 */


/** The `artifact-name` and `retention-days` inputs; undefined when no artifact was asked for. */
function readArtifactInputs(inputs) {
    const name = inputs.string('artifact-name');
    const retentionDays = inputs.integer('retention-days', { min: 1, max: 90 });
    inputs.onlyWith('retention-days', name !== undefined, 'artifact-name');
    return name === undefined ? undefined : { name, retentionDays };
}
async function uploadArtifact(request, logger) {
    const where = request.files.join(', ');
    if (!process.env.ACTIONS_RUNTIME_TOKEN || !process.env.ACTIONS_RESULTS_URL) {
        logger.warning(`Artifact '${request.name}' was not uploaded: this runtime has no artifact service (ACTIONS_RUNTIME_TOKEN / ACTIONS_RESULTS_URL are unset, as outside GitHub Actions). The file stays at ${where}.`, 'Artifact not uploaded');
        return undefined;
    }
    const server = enterpriseServer();
    if (server) {
        logger.warning(`Artifact '${request.name}' was not uploaded: ${server} is GitHub Enterprise Server, which this artifact upload does not support. The file stays at ${where}.`, 'Artifact not uploaded');
        return undefined;
    }
    try {
        // Loaded on demand: the artifact client is most of the bundle and most runs do not need it.
        const { DefaultArtifactClient } = await Promise.all(/* import() */[__nccwpck_require__.e(119), __nccwpck_require__.e(351), __nccwpck_require__.e(779), __nccwpck_require__.e(645)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9645));
        const rootDirectory = commonDirectory(request.files);
        const response = await new DefaultArtifactClient().uploadArtifact(request.name, request.files, rootDirectory, {
            retentionDays: request.retentionDays,
        });
        logger.info(`Uploaded artifact '${request.name}' (id ${response.id ?? 'unknown'}, ${response.size ?? '?'} bytes).`);
        return { id: response.id, size: response.size };
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ArtifactError */ .nE(`Artifact '${request.name}' was not uploaded: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}. The file stays at ${where}; re-run the job, or leave artifact-name empty if no later job needs the artifact`);
    }
}
/** The server, when the run is on GitHub Enterprise Server (neither github.com nor a ghe.com data-residency host). */
function enterpriseServer() {
    const serverUrl = process.env.GITHUB_SERVER_URL;
    if (!serverUrl)
        return undefined;
    let host;
    try {
        host = new URL(serverUrl).hostname.toLowerCase();
    }
    catch {
        return undefined;
    }
    const cloud = host === 'github.com' || host.endsWith('.ghe.com') || host.endsWith('.localhost');
    return cloud ? undefined : host;
}
function commonDirectory(files) {
    return files
        .map((file) => node_path__WEBPACK_IMPORTED_MODULE_0__.dirname(node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(file)))
        .reduce((common, dir) => {
        while (!`${dir}${node_path__WEBPACK_IMPORTED_MODULE_0__.sep}`.startsWith(`${common}${node_path__WEBPACK_IMPORTED_MODULE_0__.sep}`) && common !== node_path__WEBPACK_IMPORTED_MODULE_0__.dirname(common)) {
            common = node_path__WEBPACK_IMPORTED_MODULE_0__.dirname(common);
        }
        return common;
    });
}


/***/ }),

/***/ 35077:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Kw: () => (/* binding */ neutralizeCommands),
/* harmony export */   Wj: () => (/* binding */ coreLogger),
/* harmony export */   pE: () => (/* binding */ SecretRedactor)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(77094);
/* harmony import */ var _secret_forms_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(80062);
/** The Logger the flows receive, on top of @actions/core, with our own redaction on every line. */


/** Remembers secrets and removes them, in every form they take in text (secret-forms.ts), from text. */
class SecretRedactor {
    secrets = new Set();
    /** Longest first, so a form is never cut by a shorter one inside it. */
    ordered = [];
    /** Registers `secret`; returns the forms not known before (none when it is too short to redact). */
    add(secret) {
        const added = (0,_secret_forms_js__WEBPACK_IMPORTED_MODULE_1__/* .secretForms */ .eo)(secret).filter((form) => !this.secrets.has(form));
        for (const form of added)
            this.secrets.add(form);
        if (added.length)
            this.ordered = [...this.secrets].sort((a, b) => b.length - a.length);
        return added;
    }
    redact(text) {
        let result = text;
        for (const secret of this.ordered)
            if (result.includes(secret))
                result = result.split(secret).join('***');
        return result;
    }
}
/**
 * Makes text safe to print as plain log lines: the runner reads every stdout line (split at CR or LF) that starts
 * with `::` (after whitespace) as a workflow command, and `##[name]` anywhere in a line as the legacy form. Vendor
 * text and inputs end up in log lines, so no line of theirs may start one: a leading `::` becomes `\::`, `##[`
 * becomes `##\[`, and a bare CR (which the runner would take as a line break) a visible `\r`.
 */
function neutralizeCommands(text) {
    return text
        .replace(/\r\n/g, '\n')
        .replace(/\r/g, '\\r')
        .split('\n')
        .map((line) => line.replace(/^([\s\u0085]*)::/, '$1\\::').replace(/##\[/g, '##\\['))
        .join('\n');
}
function coreLogger(redactor = new SecretRedactor()) {
    const r = (text) => redactor.redact(text);
    const properties = (title, location) => ({
        ...(title ? { title: r(title) } : {}),
        ...(location ? { file: r(location.file), startLine: location.line } : {}),
    });
    return {
        isDebug: _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .isDebug */ ._o(),
        // debug, warning, error and notice are workflow commands: the toolkit escapes CR, LF and % in them.
        debug: (message) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(r(message)),
        info: (message) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(neutralizeCommands(r(message))),
        warning: (message, title, location) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(r(message), properties(title, location)),
        error: (message, title, location) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3(r(message), properties(title, location)),
        notice: (message, title, location) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .notice */ .lm(r(message), properties(title, location)),
        mask: (secret) => {
            if (!secret)
                return;
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(secret);
            for (const form of redactor.add(secret))
                if (form !== secret)
                    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(form);
        },
        redact: r,
    };
}


/***/ }),

/***/ 59747:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   n0: () => (/* binding */ setOutputs),
/* harmony export */   nw: () => (/* binding */ boundedOutput),
/* harmony export */   qM: () => (/* binding */ coreOutputs),
/* harmony export */   ro: () => (/* binding */ redactedOutputText)
/* harmony export */ });
/* unused harmony exports OUTPUT_LIMIT_BYTES, outputText */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(77094);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _fs_file_name_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(65070);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(58550);
/**
 * Step outputs, set the moment each value is known so a failed or cancelled run still reports its job IDs. Every
 * value is redacted; a value is appended to GITHUB_OUTPUT only when it changed. GitHub keeps at most 1 MiB per
 * output: a larger value leaves the output empty and goes to a file in RUNNER_TEMP, which a warning names.
 * Outside a runner (no GITHUB_OUTPUT) each value still goes through core.setOutput: @github/local-action records it
 * there, and the toolkit itself prints it as a `::set-output` line, so a bundle started by hand shows it too.
 */






/** GitHub's limit for one output. */
const OUTPUT_LIMIT_BYTES = 1024 * 1024;
/** Sets each output that has a value; an undefined one is left as it was. */
function setOutputs(outputs, values) {
    for (const [name, value] of Object.entries(values))
        if (value !== undefined)
            outputs.set(name, value);
}
function outputText(value) {
    // jsonText, not JSON.stringify: vendor JSON can be nested deeper than the call stack allows.
    return typeof value === 'object' ? jsonText(value) : String(value);
}
function coreOutputs(logger) {
    const values = new Map();
    const warned = new Set();
    return {
        values,
        set(name, value) {
            const text = redactedOutputText(value, logger);
            if (values.get(name) === text)
                return;
            values.set(name, text);
            if (!process.env.GITHUB_OUTPUT)
                return _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH(name, text);
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH(name, boundedOutput(name, text, logger, warned));
        },
    };
}
/**
 * The value as it may leave the process: itself, or, over the 1 MiB one output may hold, empty (not skipped: an
 * earlier, smaller value must not stand as if it were the current one) with the full value in a file that a
 * warning names, once per output. Every host applies the same bound.
 */
function boundedOutput(name, text, logger, warned) {
    const bytes = Buffer.byteLength(text);
    if (bytes <= OUTPUT_LIMIT_BYTES)
        return text;
    const file = writeOversizeOutput(name, text);
    if (!warned.has(name)) {
        warned.add(name);
        logger.warning(`The ${name} output would be ${bytes} bytes, over GitHub's 1 MiB limit for one output: it is left empty, and the full value is in ${file}.`, `Output '${name}' too large`);
    }
    return '';
}
/**
 * Text is redacted as text; JSON string by string, never in its serialized text, so that a secret which is a common
 * word (`true`, `1`) cannot turn `"published":true` into invalid JSON. Numbers and booleans are the action's own.
 */
function redactedOutputText(value, logger) {
    if (typeof value === 'string')
        return logger.redact(value);
    if (typeof value !== 'object')
        return String(value);
    // A copy the walk may change: parsed from the JSON text (toJSON applied, undefined left out, as in the output).
    return (0,_json_js__WEBPACK_IMPORTED_MODULE_5__/* .jsonText */ .s$)((0,_json_js__WEBPACK_IMPORTED_MODULE_5__/* .mapJsonStrings */ .dn)(JSON.parse((0,_json_js__WEBPACK_IMPORTED_MODULE_5__/* .jsonText */ .s$)(value)), (text) => logger.redact(text)));
}
/**
 * Atomically, so a later step never reads half a value. `text` is the output's value, redacted as the output is
 * (JSON string by string); redacting it again as text could break that JSON, so it does not pass writeTextFile.
 */
function writeOversizeOutput(name, text) {
    const dir = node_path__WEBPACK_IMPORTED_MODULE_3__.join(process.env.RUNNER_TEMP || (0,node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir)(), 'config-promotion-outputs');
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdirSync)(dir, { recursive: true });
    const step = (0,_fs_file_name_js__WEBPACK_IMPORTED_MODULE_4__/* .safeFileName */ .Tx)(process.env.GITHUB_ACTION || 'step', 'step');
    const file = node_path__WEBPACK_IMPORTED_MODULE_3__.join(dir, `${step}-${(0,_fs_file_name_js__WEBPACK_IMPORTED_MODULE_4__/* .safeFileName */ .Tx)(name, 'output')}.txt`);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)(`${file}.partial`, text);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.renameSync)(`${file}.partial`, file);
    return file;
}


/***/ }),

/***/ 93764:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ redactFileText),
/* harmony export */   T: () => (/* binding */ writeTextFile)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _fs_atomic_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(50829);
/**
 * The one way a text file leaves a run (SARIF, results, an export, the job summary): through the same redaction as
 * the log. A file whose content had to be redacted says so in a warning naming it, so whoever reads `***` there
 * knows why, and knows that the vendor sent back a credential.
 */


/**
 * `text` redacted for the file that `where` names (a path, or "The job summary"); `alsoIn` names other surfaces that
 * carry the same text (an output, an artifact), for the warning; `redactedBefore` says parts of it were redacted
 * before they were put together (the summary's spans), so the warning is due even if nothing is left to remove.
 */
function redactFileText(text, where, logger, options = {}) {
    const { alsoIn } = options;
    const redacted = logger.redact(text);
    if (redacted !== text || options.redactedBefore) {
        logger.warning(`${where} contained a secret given to this run (a password, a token or a value made from them); it is written with *** in its place${alsoIn ? `, and so is ${alsoIn}` : ''}.`, 'Secret removed from a file');
    }
    return redacted;
}
/** Writes a text file atomically, redacted. Binary downloads (packages) are not text and do not come here. */
function writeTextFile(destination, text, logger) {
    return (0,_fs_atomic_js__WEBPACK_IMPORTED_MODULE_1__/* .writeFileAtomic */ .Zf)(destination, redactFileText(text, node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(destination), logger));
}


/***/ }),

/***/ 65742:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B2: () => (/* binding */ Deadline),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   ml: () => (/* binding */ systemClock),
/* harmony export */   z3: () => (/* binding */ formatBytes)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(32635);
/**
 * What every flow and shared piece receives instead of reaching for globals: the clock (so tests never wait),
 * the logger, the cancellation signal and the run's deadline.
 */

const systemClock = {
    now: () => Date.now(),
    random: () => Math.random(),
    sleep: (ms, signal) => new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CancelledError */ .cc());
        const onAbort = () => {
            clearTimeout(timer);
            reject(new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CancelledError */ .cc());
        };
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        signal?.addEventListener('abort', onAbort, { once: true });
    }),
};
/** The run's time budget (the `timeout` input). */
class Deadline {
    clock;
    timeoutMs;
    startedAt;
    at;
    constructor(clock, timeoutMs) {
        this.clock = clock;
        this.timeoutMs = timeoutMs;
        this.startedAt = clock.now();
        this.at = this.startedAt + timeoutMs;
    }
    remaining() {
        return Math.max(0, this.at - this.clock.now());
    }
    elapsed() {
        return this.clock.now() - this.startedAt;
    }
    /**
     * One abort signal for one piece of work (a request from its DNS look-up to its body's last byte): it aborts
     * with a TimeoutError when the deadline passes and with a CancelledError when `cancel` aborts. Call `release`
     * when the work is over, so no timer or listener outlives it.
     */
    abortSignal(cancel) {
        const controller = new AbortController();
        let timer;
        const onCancel = () => {
            clearTimeout(timer);
            controller.abort(new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CancelledError */ .cc());
        };
        const expire = () => {
            controller.abort(new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TimeoutError */ .MU(`the action's timeout (${formatDuration(this.timeoutMs)}) ran out`));
            cancel.removeEventListener('abort', onCancel);
        };
        const arm = () => {
            const remaining = this.remaining();
            if (remaining <= 0)
                return expire();
            // setTimeout cannot wait longer than about 24.8 days in one go.
            timer = remaining > MAX_TIMER_MS ? setTimeout(arm, MAX_TIMER_MS) : setTimeout(expire, remaining);
            timer.unref();
        };
        if (cancel.aborted)
            onCancel();
        else {
            cancel.addEventListener('abort', onCancel, { once: true });
            arm();
        }
        return {
            signal: controller.signal,
            release: () => {
                clearTimeout(timer);
                cancel.removeEventListener('abort', onCancel);
            },
        };
    }
}
const MAX_TIMER_MS = 2 ** 31 - 1;
/** `1m 05s`-style durations for progress lines and summaries. */
function formatDuration(ms) {
    const totalSeconds = Math.round(ms / 100) / 10;
    if (totalSeconds < 60)
        return `${totalSeconds}s`;
    const seconds = Math.round(totalSeconds);
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    const s = seconds % 60;
    const mm = h ? String(m).padStart(2, '0') : String(m);
    return `${h ? `${h}h ` : ''}${mm}m ${String(s).padStart(2, '0')}s`;
}
/** "16 MB", "256 MB", "1.5 KB", "300 bytes": sizes in messages, to one decimal. */
function formatBytes(bytes) {
    if (bytes >= 2 ** 20)
        return `${Math.round((bytes / 2 ** 20) * 10) / 10} MB`;
    if (bytes >= 1024)
        return `${Math.round((bytes / 1024) * 10) / 10} KB`;
    return `${bytes} bytes`;
}


/***/ }),

/***/ 80062:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   PH: () => (/* binding */ RELIABLE_SECRET_LENGTH),
/* harmony export */   eo: () => (/* binding */ secretForms)
/* harmony export */ });
/* unused harmony export MIN_REDACTED_LENGTH */
/**
 * The forms a secret takes in text that we print or write: a vendor quotes a request body JSON-escaped, a URL
 * carries it percent-encoded, an Authorization header base64-encoded, an HTML error page entity-escaped. Each form is
 * redacted like the secret itself, and registered with the runner's mask.
 */
/**
 * Shorter secrets are not removed from our own text: replacing every `1` or `ab` would wreck the files and outputs
 * that hold them (the runner still masks them in its log). A 3-character secret is removed, though it may blank
 * ordinary words too.
 */
const MIN_REDACTED_LENGTH = 3;
/** Below this, a secret cannot be protected reliably: the input reader warns about it (naming the input only). */
const RELIABLE_SECRET_LENGTH = 4;
/** Every distinct form of `secret`, the secret first; empty when it is too short to redact. */
function secretForms(secret) {
    if (secret.length < MIN_REDACTED_LENGTH)
        return [];
    const json = jsonForms(secret);
    return [
        ...new Set([
            secret,
            ...urlForms(secret),
            ...json,
            // JSON text quoted inside a JSON string (a request body in an error message of a JSON answer).
            ...jsonForms(json[0]),
            ...base64Forms(secret),
            ...htmlForms(secret),
        ]),
    ];
}
function urlForms(secret) {
    const encoded = encodeURIComponent(secret);
    return [
        encoded,
        encoded.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
        // application/x-www-form-urlencoded: a space is `+`, and `!'()~` are encoded too.
        new URLSearchParams({ s: secret }).toString().slice(2),
    ];
}
/**
 * What JSON encoders write inside a string: JSON.stringify's escapes first (`"` → `\"`, `\` → `\\`, control
 * characters), then `/` as `\/`, non-ASCII as `\uXXXX`, and the HTML-safe `<>&='` as `\u003c`…, in lower- and
 * upper-case hex.
 */
function jsonForms(secret) {
    const plain = JSON.stringify(secret).slice(1, -1);
    const forms = [plain, plain.replace(/\//g, '\\/')];
    for (const upper of [false, true]) {
        const escape = (text, pattern) => text.replace(pattern, (c) => {
            const hex = c.charCodeAt(0).toString(16).padStart(4, '0');
            return `\\u${upper ? hex.toUpperCase() : hex}`;
        });
        const htmlSafe = escape(plain, /[<>&=']/g);
        forms.push(escape(plain, /[\u0080-\uffff]/g), htmlSafe, escape(htmlSafe, /[\u0080-\uffff]/g));
    }
    return forms;
}
/** Base64 of the secret alone; the Basic value of `user:password` is registered as a secret of its own. */
function base64Forms(secret) {
    const bytes = Buffer.from(secret);
    const padded = bytes.toString('base64');
    return [padded, padded.replace(/=+$/, ''), bytes.toString('base64url')];
}
function htmlForms(secret) {
    const minimal = secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const quoted = minimal.replace(/"/g, '&quot;');
    return [minimal, quoted.replace(/'/g, '&#39;'), quoted.replace(/'/g, '&#x27;')];
}


/***/ }),

/***/ 42613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 20181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 49140:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("constants");

/***/ }),

/***/ 76982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 24434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 79896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 91943:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs/promises");

/***/ }),

/***/ 58611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 65692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 69278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 34589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 16698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 37540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 77598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 53053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 40610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 78474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 73024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 51455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 37067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 32467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 44708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 98995:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");

/***/ }),

/***/ 77030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 48161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 76760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 41792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 57075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 46466:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");

/***/ }),

/***/ 46193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");

/***/ }),

/***/ 41692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 73136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 57975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 73429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 75919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 38522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 70857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 16928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 13193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 64756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 52018:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");

/***/ }),

/***/ 87016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 39023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 43106:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");

/***/ }),

/***/ 77094:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Yz: () => (/* binding */ core_debug),
  z3: () => (/* binding */ error),
  pq: () => (/* binding */ info),
  _o: () => (/* binding */ isDebug),
  lm: () => (/* binding */ notice),
  uH: () => (/* binding */ setOutput),
  Pq: () => (/* binding */ core_setSecret),
  z: () => (/* reexport */ summary),
  $e: () => (/* binding */ warning)
});

// UNUSED EXPORTS: ExitCode, addPath, endGroup, exportVariable, getBooleanInput, getIDToken, getInput, getMultilineInput, getState, group, markdownSummary, platform, saveState, setCommandEcho, setFailed, startGroup, toPlatformPath, toPosixPath, toWin32Path

// EXTERNAL MODULE: external "os"
var external_os_ = __nccwpck_require__(70857);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/utils.js
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function utils_toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
//# sourceMappingURL=utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/command.js


/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function command_issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + external_os_.EOL);
}
function command_issue(name, message = '') {
    command_issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map
// EXTERNAL MODULE: external "crypto"
var external_crypto_ = __nccwpck_require__(76982);
// EXTERNAL MODULE: external "fs"
var external_fs_ = __nccwpck_require__(79896);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/file-command.js
// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */




function file_command_issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!external_fs_.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    external_fs_.appendFileSync(filePath, `${utils_toCommandValue(message)}${external_os_.EOL}`, {
        encoding: 'utf8'
    });
}
function file_command_prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${external_crypto_.randomUUID()}`;
    const convertedValue = utils_toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${external_os_.EOL}${convertedValue}${external_os_.EOL}${delimiter}`;
}
//# sourceMappingURL=file-command.js.map
// EXTERNAL MODULE: external "path"
var external_path_ = __nccwpck_require__(16928);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/oidc-utils.js
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};

class oidc_utils_OidcClient {
    static createHttpClient(allowRetry = true, maxRetry = 10) {
        return __awaiter(this, void 0, void 0, function* () {
            // Loaded when a token is asked for: the HTTP client (and undici) costs every other action its start-up.
            const { HttpClient } = yield Promise.all(/* import() */[__nccwpck_require__.e(119), __nccwpck_require__.e(779)]).then(__nccwpck_require__.bind(__nccwpck_require__, 22779));
            const { BearerCredentialHandler } = yield __nccwpck_require__.e(/* import() */ 145).then(__nccwpck_require__.bind(__nccwpck_require__, 92145));
            const requestOptions = {
                allowRetries: allowRetry,
                maxRetries: maxRetry
            };
            return new HttpClient('actions/oidc-client', [new BearerCredentialHandler(oidc_utils_OidcClient.getRequestToken())], requestOptions);
        });
    }
    static getRequestToken() {
        const token = process.env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
        if (!token) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_TOKEN env variable');
        }
        return token;
    }
    static getIDTokenUrl() {
        const runtimeUrl = process.env['ACTIONS_ID_TOKEN_REQUEST_URL'];
        if (!runtimeUrl) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable');
        }
        return runtimeUrl;
    }
    static getCall(id_token_url) {
        return __awaiter(this, void 0, void 0, function* () {
            var _a;
            const httpclient = yield oidc_utils_OidcClient.createHttpClient();
            const res = yield httpclient
                .getJson(id_token_url)
                .catch(error => {
                throw new Error(`Failed to get ID Token. \n 
        Error Code : ${error.statusCode}\n 
        Error Message: ${error.message}`);
            });
            const id_token = (_a = res.result) === null || _a === void 0 ? void 0 : _a.value;
            if (!id_token) {
                throw new Error('Response json body do not have ID Token field');
            }
            return id_token;
        });
    }
    static getIDToken(audience) {
        return __awaiter(this, void 0, void 0, function* () {
            try {
                // New ID Token is requested from action service
                let id_token_url = oidc_utils_OidcClient.getIDTokenUrl();
                if (audience) {
                    const encodedAudience = encodeURIComponent(audience);
                    id_token_url = `${id_token_url}&audience=${encodedAudience}`;
                }
                debug(`ID token url is ${id_token_url}`);
                const id_token = yield oidc_utils_OidcClient.getCall(id_token_url);
                setSecret(id_token);
                return id_token;
            }
            catch (error) {
                throw new Error(`Error message: ${error.message}`);
            }
        });
    }
}
//# sourceMappingURL=oidc-utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/summary.js
var summary_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { access, appendFile, writeFile } = external_fs_.promises;
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
const SUMMARY_DOCS_URL = 'https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-job-summary';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return summary_awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, external_fs_.constants.R_OK | external_fs_.constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return summary_awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return summary_awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(external_os_.EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
/**
 * @deprecated use `core.summary`
 */
const markdownSummary = (/* unused pure expression or super */ null && (_summary));
const summary = _summary;
//# sourceMappingURL=summary.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/path-utils.js

/**
 * toPosixPath converts the given path to the posix form. On Windows, \\ will be
 * replaced with /.
 *
 * @param pth. Path to transform.
 * @return string Posix path.
 */
function toPosixPath(pth) {
    return pth.replace(/[\\]/g, '/');
}
/**
 * toWin32Path converts the given path to the win32 form. On Linux, / will be
 * replaced with \\.
 *
 * @param pth. Path to transform.
 * @return string Win32 path.
 */
function toWin32Path(pth) {
    return pth.replace(/[/]/g, '\\');
}
/**
 * toPlatformPath converts the given path to a platform-specific path. It does
 * this by replacing instances of / and \ with the platform-specific path
 * separator.
 *
 * @param pth The path to platformize.
 * @return string The platform-specific path.
 */
function toPlatformPath(pth) {
    return pth.replace(/[/\\]/g, path.sep);
}
//# sourceMappingURL=path-utils.js.map
// EXTERNAL MODULE: external "string_decoder"
var external_string_decoder_ = __nccwpck_require__(13193);
// EXTERNAL MODULE: external "events"
var external_events_ = __nccwpck_require__(24434);
;// CONCATENATED MODULE: external "child_process"
const external_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");
// EXTERNAL MODULE: external "assert"
var external_assert_ = __nccwpck_require__(42613);
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io-util.js
var io_util_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { chmod, copyFile, lstat, mkdir, open: io_util_open, readdir, rename, rm, rmdir, stat, symlink, unlink } = external_fs_.promises;
// export const {open} = 'fs'
const IS_WINDOWS = process.platform === 'win32';
/**
 * Custom implementation of readlink to ensure Windows junctions
 * maintain trailing backslash for backward compatibility with Node.js < 24
 *
 * In Node.js 20, Windows junctions (directory symlinks) always returned paths
 * with trailing backslashes. Node.js 24 removed this behavior, which breaks
 * code that relied on this format for path operations.
 *
 * This implementation restores the Node 20 behavior by adding a trailing
 * backslash to all junction results on Windows.
 */
function readlink(fsPath) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        const result = yield fs.promises.readlink(fsPath);
        // On Windows, restore Node 20 behavior: add trailing backslash to all results
        // since junctions on Windows are always directory links
        if (IS_WINDOWS && !result.endsWith('\\')) {
            return `${result}\\`;
        }
        return result;
    });
}
// See https://github.com/nodejs/node/blob/d0153aee367422d0858105abec186da4dff0a0c5/deps/uv/include/uv/win.h#L691
const UV_FS_O_EXLOCK = 0x10000000;
const READONLY = external_fs_.constants.O_RDONLY;
function exists(fsPath) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        try {
            yield stat(fsPath);
        }
        catch (err) {
            if (err.code === 'ENOENT') {
                return false;
            }
            throw err;
        }
        return true;
    });
}
function isDirectory(fsPath_1) {
    return io_util_awaiter(this, arguments, void 0, function* (fsPath, useStat = false) {
        const stats = useStat ? yield stat(fsPath) : yield lstat(fsPath);
        return stats.isDirectory();
    });
}
/**
 * On OSX/Linux, true if path starts with '/'. On Windows, true for paths like:
 * \, \hello, \\hello\share, C:, and C:\hello (and corresponding alternate separator cases).
 */
function isRooted(p) {
    p = normalizeSeparators(p);
    if (!p) {
        throw new Error('isRooted() parameter "p" cannot be empty');
    }
    if (IS_WINDOWS) {
        return (p.startsWith('\\') || /^[A-Z]:/i.test(p) // e.g. \ or \hello or \\hello
        ); // e.g. C: or C:\hello
    }
    return p.startsWith('/');
}
/**
 * Best effort attempt to determine whether a file exists and is executable.
 * @param filePath    file path to check
 * @param extensions  additional file extensions to try
 * @return if file exists and is executable, returns the file path. otherwise empty string.
 */
function tryGetExecutablePath(filePath, extensions) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        let stats = undefined;
        try {
            // test file exists
            stats = yield stat(filePath);
        }
        catch (err) {
            if (err.code !== 'ENOENT') {
                // eslint-disable-next-line no-console
                console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
            }
        }
        if (stats && stats.isFile()) {
            if (IS_WINDOWS) {
                // on Windows, test for valid extension
                const upperExt = external_path_.extname(filePath).toUpperCase();
                if (extensions.some(validExt => validExt.toUpperCase() === upperExt)) {
                    return filePath;
                }
            }
            else {
                if (isUnixExecutable(stats)) {
                    return filePath;
                }
            }
        }
        // try each extension
        const originalFilePath = filePath;
        for (const extension of extensions) {
            filePath = originalFilePath + extension;
            stats = undefined;
            try {
                stats = yield stat(filePath);
            }
            catch (err) {
                if (err.code !== 'ENOENT') {
                    // eslint-disable-next-line no-console
                    console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
                }
            }
            if (stats && stats.isFile()) {
                if (IS_WINDOWS) {
                    // preserve the case of the actual file (since an extension was appended)
                    try {
                        const directory = external_path_.dirname(filePath);
                        const upperName = external_path_.basename(filePath).toUpperCase();
                        for (const actualName of yield readdir(directory)) {
                            if (upperName === actualName.toUpperCase()) {
                                filePath = external_path_.join(directory, actualName);
                                break;
                            }
                        }
                    }
                    catch (err) {
                        // eslint-disable-next-line no-console
                        console.log(`Unexpected error attempting to determine the actual case of the file '${filePath}': ${err}`);
                    }
                    return filePath;
                }
                else {
                    if (isUnixExecutable(stats)) {
                        return filePath;
                    }
                }
            }
        }
        return '';
    });
}
function normalizeSeparators(p) {
    p = p || '';
    if (IS_WINDOWS) {
        // convert slashes on Windows
        p = p.replace(/\//g, '\\');
        // remove redundant slashes
        return p.replace(/\\\\+/g, '\\');
    }
    // remove redundant slashes
    return p.replace(/\/\/+/g, '/');
}
// on Mac/Linux, test the execute bit
//     R   W  X  R  W X R W X
//   256 128 64 32 16 8 4 2 1
function isUnixExecutable(stats) {
    return ((stats.mode & 1) > 0 ||
        ((stats.mode & 8) > 0 &&
            process.getgid !== undefined &&
            stats.gid === process.getgid()) ||
        ((stats.mode & 64) > 0 &&
            process.getuid !== undefined &&
            stats.uid === process.getuid()));
}
// Get the path of cmd.exe in windows
function getCmdPath() {
    var _a;
    return (_a = process.env['COMSPEC']) !== null && _a !== void 0 ? _a : `cmd.exe`;
}
//# sourceMappingURL=io-util.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io.js
var io_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



/**
 * Copies a file or folder.
 * Based off of shelljs - https://github.com/shelljs/shelljs/blob/9237f66c52e5daa40458f94f9565e18e8132f5a6/src/cp.js
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See CopyOptions.
 */
function cp(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        const { force, recursive, copySourceDirectory } = readCopyOptions(options);
        const destStat = (yield ioUtil.exists(dest)) ? yield ioUtil.stat(dest) : null;
        // Dest is an existing file, but not forcing
        if (destStat && destStat.isFile() && !force) {
            return;
        }
        // If dest is an existing directory, should copy inside.
        const newDest = destStat && destStat.isDirectory() && copySourceDirectory
            ? path.join(dest, path.basename(source))
            : dest;
        if (!(yield ioUtil.exists(source))) {
            throw new Error(`no such file or directory: ${source}`);
        }
        const sourceStat = yield ioUtil.stat(source);
        if (sourceStat.isDirectory()) {
            if (!recursive) {
                throw new Error(`Failed to copy. ${source} is a directory, but tried to copy without recursive flag.`);
            }
            else {
                yield cpDirRecursive(source, newDest, 0, force);
            }
        }
        else {
            if (path.relative(source, newDest) === '') {
                // a file cannot be copied to itself
                throw new Error(`'${newDest}' and '${source}' are the same file`);
            }
            yield io_copyFile(source, newDest, force);
        }
    });
}
/**
 * Moves a path.
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See MoveOptions.
 */
function mv(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        if (yield ioUtil.exists(dest)) {
            let destExists = true;
            if (yield ioUtil.isDirectory(dest)) {
                // If dest is directory copy src into dest
                dest = path.join(dest, path.basename(source));
                destExists = yield ioUtil.exists(dest);
            }
            if (destExists) {
                if (options.force == null || options.force) {
                    yield rmRF(dest);
                }
                else {
                    throw new Error('Destination already exists');
                }
            }
        }
        yield mkdirP(path.dirname(dest));
        yield ioUtil.rename(source, dest);
    });
}
/**
 * Remove a path recursively with force
 *
 * @param inputPath path to remove
 */
function rmRF(inputPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (ioUtil.IS_WINDOWS) {
            // Check for invalid characters
            // https://docs.microsoft.com/en-us/windows/win32/fileio/naming-a-file
            if (/[*"<>|]/.test(inputPath)) {
                throw new Error('File path must not contain `*`, `"`, `<`, `>` or `|` on Windows');
            }
        }
        try {
            // note if path does not exist, error is silent
            yield ioUtil.rm(inputPath, {
                force: true,
                maxRetries: 3,
                recursive: true,
                retryDelay: 300
            });
        }
        catch (err) {
            throw new Error(`File was unable to be removed ${err}`);
        }
    });
}
/**
 * Make a directory.  Creates the full path with folders in between
 * Will throw if it fails
 *
 * @param   fsPath        path to create
 * @returns Promise<void>
 */
function mkdirP(fsPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        ok(fsPath, 'a path argument must be provided');
        yield ioUtil.mkdir(fsPath, { recursive: true });
    });
}
/**
 * Returns path of a tool had the tool actually been invoked.  Resolves via paths.
 * If you check and the tool does not exist, it will throw.
 *
 * @param     tool              name of the tool
 * @param     check             whether to check if tool exists
 * @returns   Promise<string>   path to tool
 */
function which(tool, check) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // recursive when check=true
        if (check) {
            const result = yield which(tool, false);
            if (!result) {
                if (IS_WINDOWS) {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file.`);
                }
                else {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.`);
                }
            }
            return result;
        }
        const matches = yield findInPath(tool);
        if (matches && matches.length > 0) {
            return matches[0];
        }
        return '';
    });
}
/**
 * Returns a list of all occurrences of the given tool on the system path.
 *
 * @returns   Promise<string[]>  the paths of the tool
 */
function findInPath(tool) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // build the list of extensions to try
        const extensions = [];
        if (IS_WINDOWS && process.env['PATHEXT']) {
            for (const extension of process.env['PATHEXT'].split(external_path_.delimiter)) {
                if (extension) {
                    extensions.push(extension);
                }
            }
        }
        // if it's rooted, return it if exists. otherwise return empty.
        if (isRooted(tool)) {
            const filePath = yield tryGetExecutablePath(tool, extensions);
            if (filePath) {
                return [filePath];
            }
            return [];
        }
        // if any path separators, return empty
        if (tool.includes(external_path_.sep)) {
            return [];
        }
        // build the list of directories
        //
        // Note, technically "where" checks the current directory on Windows. From a toolkit perspective,
        // it feels like we should not do this. Checking the current directory seems like more of a use
        // case of a shell, and the which() function exposed by the toolkit should strive for consistency
        // across platforms.
        const directories = [];
        if (process.env.PATH) {
            for (const p of process.env.PATH.split(external_path_.delimiter)) {
                if (p) {
                    directories.push(p);
                }
            }
        }
        // find all matches
        const matches = [];
        for (const directory of directories) {
            const filePath = yield tryGetExecutablePath(external_path_.join(directory, tool), extensions);
            if (filePath) {
                matches.push(filePath);
            }
        }
        return matches;
    });
}
function readCopyOptions(options) {
    const force = options.force == null ? true : options.force;
    const recursive = Boolean(options.recursive);
    const copySourceDirectory = options.copySourceDirectory == null
        ? true
        : Boolean(options.copySourceDirectory);
    return { force, recursive, copySourceDirectory };
}
function cpDirRecursive(sourceDir, destDir, currentDepth, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        // Ensure there is not a run away recursive copy
        if (currentDepth >= 255)
            return;
        currentDepth++;
        yield mkdirP(destDir);
        const files = yield ioUtil.readdir(sourceDir);
        for (const fileName of files) {
            const srcFile = `${sourceDir}/${fileName}`;
            const destFile = `${destDir}/${fileName}`;
            const srcFileStat = yield ioUtil.lstat(srcFile);
            if (srcFileStat.isDirectory()) {
                // Recurse
                yield cpDirRecursive(srcFile, destFile, currentDepth, force);
            }
            else {
                yield io_copyFile(srcFile, destFile, force);
            }
        }
        // Change the mode for the newly created directory
        yield ioUtil.chmod(destDir, (yield ioUtil.stat(sourceDir)).mode);
    });
}
// Buffered file copy
function io_copyFile(srcFile, destFile, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        if ((yield ioUtil.lstat(srcFile)).isSymbolicLink()) {
            // unlink/re-link it
            try {
                yield ioUtil.lstat(destFile);
                yield ioUtil.unlink(destFile);
            }
            catch (e) {
                // Try to override file permission
                if (e.code === 'EPERM') {
                    yield ioUtil.chmod(destFile, '0666');
                    yield ioUtil.unlink(destFile);
                }
                // other errors = it doesn't exist, no work to do
            }
            // Copy over symlink
            const symlinkFull = yield ioUtil.readlink(srcFile);
            yield ioUtil.symlink(symlinkFull, destFile, ioUtil.IS_WINDOWS ? 'junction' : null);
        }
        else if (!(yield ioUtil.exists(destFile)) || force) {
            yield ioUtil.copyFile(srcFile, destFile);
        }
    });
}
//# sourceMappingURL=io.js.map
;// CONCATENATED MODULE: external "timers"
const external_timers_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/toolrunner.js
var toolrunner_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};







/* eslint-disable @typescript-eslint/unbound-method */
const toolrunner_IS_WINDOWS = process.platform === 'win32';
/*
 * Class for running command line tools. Handles quoting and arg parsing in a platform agnostic way.
 */
class ToolRunner extends external_events_.EventEmitter {
    constructor(toolPath, args, options) {
        super();
        if (!toolPath) {
            throw new Error("Parameter 'toolPath' cannot be null or empty.");
        }
        this.toolPath = toolPath;
        this.args = args || [];
        this.options = options || {};
    }
    _debug(message) {
        if (this.options.listeners && this.options.listeners.debug) {
            this.options.listeners.debug(message);
        }
    }
    _getCommandString(options, noPrefix) {
        const toolPath = this._getSpawnFileName();
        const args = this._getSpawnArgs(options);
        let cmd = noPrefix ? '' : '[command]'; // omit prefix when piped to a second tool
        if (toolrunner_IS_WINDOWS) {
            // Windows + cmd file
            if (this._isCmdFile()) {
                cmd += toolPath;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows + verbatim
            else if (options.windowsVerbatimArguments) {
                cmd += `"${toolPath}"`;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows (regular)
            else {
                cmd += this._windowsQuoteCmdArg(toolPath);
                for (const a of args) {
                    cmd += ` ${this._windowsQuoteCmdArg(a)}`;
                }
            }
        }
        else {
            // OSX/Linux - this can likely be improved with some form of quoting.
            // creating processes on Unix is fundamentally different than Windows.
            // on Unix, execvp() takes an arg array.
            cmd += toolPath;
            for (const a of args) {
                cmd += ` ${a}`;
            }
        }
        return cmd;
    }
    _processLineBuffer(data, strBuffer, onLine) {
        try {
            let s = strBuffer + data.toString();
            let n = s.indexOf(external_os_.EOL);
            while (n > -1) {
                const line = s.substring(0, n);
                onLine(line);
                // the rest of the string ...
                s = s.substring(n + external_os_.EOL.length);
                n = s.indexOf(external_os_.EOL);
            }
            return s;
        }
        catch (err) {
            // streaming lines to console is best effort.  Don't fail a build.
            this._debug(`error processing line. Failed with error ${err}`);
            return '';
        }
    }
    _getSpawnFileName() {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                return process.env['COMSPEC'] || 'cmd.exe';
            }
        }
        return this.toolPath;
    }
    _getSpawnArgs(options) {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                let argline = `/D /S /C "${this._windowsQuoteCmdArg(this.toolPath)}`;
                for (const a of this.args) {
                    argline += ' ';
                    argline += options.windowsVerbatimArguments
                        ? a
                        : this._windowsQuoteCmdArg(a);
                }
                argline += '"';
                return [argline];
            }
        }
        return this.args;
    }
    _endsWith(str, end) {
        return str.endsWith(end);
    }
    _isCmdFile() {
        const upperToolPath = this.toolPath.toUpperCase();
        return (this._endsWith(upperToolPath, '.CMD') ||
            this._endsWith(upperToolPath, '.BAT'));
    }
    _windowsQuoteCmdArg(arg) {
        // for .exe, apply the normal quoting rules that libuv applies
        if (!this._isCmdFile()) {
            return this._uvQuoteCmdArg(arg);
        }
        // otherwise apply quoting rules specific to the cmd.exe command line parser.
        // the libuv rules are generic and are not designed specifically for cmd.exe
        // command line parser.
        //
        // for a detailed description of the cmd.exe command line parser, refer to
        // http://stackoverflow.com/questions/4094699/how-does-the-windows-command-interpreter-cmd-exe-parse-scripts/7970912#7970912
        // need quotes for empty arg
        if (!arg) {
            return '""';
        }
        // determine whether the arg needs to be quoted
        const cmdSpecialChars = [
            ' ',
            '\t',
            '&',
            '(',
            ')',
            '[',
            ']',
            '{',
            '}',
            '^',
            '=',
            ';',
            '!',
            "'",
            '+',
            ',',
            '`',
            '~',
            '|',
            '<',
            '>',
            '"'
        ];
        let needsQuotes = false;
        for (const char of arg) {
            if (cmdSpecialChars.some(x => x === char)) {
                needsQuotes = true;
                break;
            }
        }
        // short-circuit if quotes not needed
        if (!needsQuotes) {
            return arg;
        }
        // the following quoting rules are very similar to the rules that by libuv applies.
        //
        // 1) wrap the string in quotes
        //
        // 2) double-up quotes - i.e. " => ""
        //
        //    this is different from the libuv quoting rules. libuv replaces " with \", which unfortunately
        //    doesn't work well with a cmd.exe command line.
        //
        //    note, replacing " with "" also works well if the arg is passed to a downstream .NET console app.
        //    for example, the command line:
        //          foo.exe "myarg:""my val"""
        //    is parsed by a .NET console app into an arg array:
        //          [ "myarg:\"my val\"" ]
        //    which is the same end result when applying libuv quoting rules. although the actual
        //    command line from libuv quoting rules would look like:
        //          foo.exe "myarg:\"my val\""
        //
        // 3) double-up slashes that precede a quote,
        //    e.g.  hello \world    => "hello \world"
        //          hello\"world    => "hello\\""world"
        //          hello\\"world   => "hello\\\\""world"
        //          hello world\    => "hello world\\"
        //
        //    technically this is not required for a cmd.exe command line, or the batch argument parser.
        //    the reasons for including this as a .cmd quoting rule are:
        //
        //    a) this is optimized for the scenario where the argument is passed from the .cmd file to an
        //       external program. many programs (e.g. .NET console apps) rely on the slash-doubling rule.
        //
        //    b) it's what we've been doing previously (by deferring to node default behavior) and we
        //       haven't heard any complaints about that aspect.
        //
        // note, a weakness of the quoting rules chosen here, is that % is not escaped. in fact, % cannot be
        // escaped when used on the command line directly - even though within a .cmd file % can be escaped
        // by using %%.
        //
        // the saving grace is, on the command line, %var% is left as-is if var is not defined. this contrasts
        // the line parsing rules within a .cmd file, where if var is not defined it is replaced with nothing.
        //
        // one option that was explored was replacing % with ^% - i.e. %var% => ^%var^%. this hack would
        // often work, since it is unlikely that var^ would exist, and the ^ character is removed when the
        // variable is used. the problem, however, is that ^ is not removed when %* is used to pass the args
        // to an external program.
        //
        // an unexplored potential solution for the % escaping problem, is to create a wrapper .cmd file.
        // % can be escaped within a .cmd file.
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\'; // double the slash
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '"'; // double the quote
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _uvQuoteCmdArg(arg) {
        // Tool runner wraps child_process.spawn() and needs to apply the same quoting as
        // Node in certain cases where the undocumented spawn option windowsVerbatimArguments
        // is used.
        //
        // Since this function is a port of quote_cmd_arg from Node 4.x (technically, lib UV,
        // see https://github.com/nodejs/node/blob/v4.x/deps/uv/src/win/process.c for details),
        // pasting copyright notice from Node within this function:
        //
        //      Copyright Joyent, Inc. and other Node contributors. All rights reserved.
        //
        //      Permission is hereby granted, free of charge, to any person obtaining a copy
        //      of this software and associated documentation files (the "Software"), to
        //      deal in the Software without restriction, including without limitation the
        //      rights to use, copy, modify, merge, publish, distribute, sublicense, and/or
        //      sell copies of the Software, and to permit persons to whom the Software is
        //      furnished to do so, subject to the following conditions:
        //
        //      The above copyright notice and this permission notice shall be included in
        //      all copies or substantial portions of the Software.
        //
        //      THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
        //      IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
        //      FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
        //      AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
        //      LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
        //      FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
        //      IN THE SOFTWARE.
        if (!arg) {
            // Need double quotation for empty argument
            return '""';
        }
        if (!arg.includes(' ') && !arg.includes('\t') && !arg.includes('"')) {
            // No quotation needed
            return arg;
        }
        if (!arg.includes('"') && !arg.includes('\\')) {
            // No embedded double quotes or backslashes, so I can just wrap
            // quote marks around the whole thing.
            return `"${arg}"`;
        }
        // Expected input/output:
        //   input : hello"world
        //   output: "hello\"world"
        //   input : hello""world
        //   output: "hello\"\"world"
        //   input : hello\world
        //   output: hello\world
        //   input : hello\\world
        //   output: hello\\world
        //   input : hello\"world
        //   output: "hello\\\"world"
        //   input : hello\\"world
        //   output: "hello\\\\\"world"
        //   input : hello world\
        //   output: "hello world\\" - note the comment in libuv actually reads "hello world\"
        //                             but it appears the comment is wrong, it should be "hello world\\"
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\';
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '\\';
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _cloneExecOptions(options) {
        options = options || {};
        const result = {
            cwd: options.cwd || process.cwd(),
            env: options.env || process.env,
            silent: options.silent || false,
            windowsVerbatimArguments: options.windowsVerbatimArguments || false,
            failOnStdErr: options.failOnStdErr || false,
            ignoreReturnCode: options.ignoreReturnCode || false,
            delay: options.delay || 10000
        };
        result.outStream = options.outStream || process.stdout;
        result.errStream = options.errStream || process.stderr;
        return result;
    }
    _getSpawnOptions(options, toolPath) {
        options = options || {};
        const result = {};
        result.cwd = options.cwd;
        result.env = options.env;
        result['windowsVerbatimArguments'] =
            options.windowsVerbatimArguments || this._isCmdFile();
        if (options.windowsVerbatimArguments) {
            result.argv0 = `"${toolPath}"`;
        }
        return result;
    }
    /**
     * Exec a tool.
     * Output will be streamed to the live console.
     * Returns promise with return code
     *
     * @param     tool     path to tool to exec
     * @param     options  optional exec options.  See ExecOptions
     * @returns   number
     */
    exec() {
        return toolrunner_awaiter(this, void 0, void 0, function* () {
            // root the tool path if it is unrooted and contains relative pathing
            if (!isRooted(this.toolPath) &&
                (this.toolPath.includes('/') ||
                    (toolrunner_IS_WINDOWS && this.toolPath.includes('\\')))) {
                // prefer options.cwd if it is specified, however options.cwd may also need to be rooted
                this.toolPath = external_path_.resolve(process.cwd(), this.options.cwd || process.cwd(), this.toolPath);
            }
            // if the tool is only a file name, then resolve it from the PATH
            // otherwise verify it exists (add extension on Windows if necessary)
            this.toolPath = yield which(this.toolPath, true);
            return new Promise((resolve, reject) => toolrunner_awaiter(this, void 0, void 0, function* () {
                this._debug(`exec tool: ${this.toolPath}`);
                this._debug('arguments:');
                for (const arg of this.args) {
                    this._debug(`   ${arg}`);
                }
                const optionsNonNull = this._cloneExecOptions(this.options);
                if (!optionsNonNull.silent && optionsNonNull.outStream) {
                    optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + external_os_.EOL);
                }
                const state = new ExecState(optionsNonNull, this.toolPath);
                state.on('debug', (message) => {
                    this._debug(message);
                });
                if (this.options.cwd && !(yield exists(this.options.cwd))) {
                    return reject(new Error(`The cwd: ${this.options.cwd} does not exist!`));
                }
                const fileName = this._getSpawnFileName();
                const cp = external_child_process_namespaceObject.spawn(fileName, this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(this.options, fileName));
                let stdbuffer = '';
                if (cp.stdout) {
                    cp.stdout.on('data', (data) => {
                        if (this.options.listeners && this.options.listeners.stdout) {
                            this.options.listeners.stdout(data);
                        }
                        if (!optionsNonNull.silent && optionsNonNull.outStream) {
                            optionsNonNull.outStream.write(data);
                        }
                        stdbuffer = this._processLineBuffer(data, stdbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.stdline) {
                                this.options.listeners.stdline(line);
                            }
                        });
                    });
                }
                let errbuffer = '';
                if (cp.stderr) {
                    cp.stderr.on('data', (data) => {
                        state.processStderr = true;
                        if (this.options.listeners && this.options.listeners.stderr) {
                            this.options.listeners.stderr(data);
                        }
                        if (!optionsNonNull.silent &&
                            optionsNonNull.errStream &&
                            optionsNonNull.outStream) {
                            const s = optionsNonNull.failOnStdErr
                                ? optionsNonNull.errStream
                                : optionsNonNull.outStream;
                            s.write(data);
                        }
                        errbuffer = this._processLineBuffer(data, errbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.errline) {
                                this.options.listeners.errline(line);
                            }
                        });
                    });
                }
                cp.on('error', (err) => {
                    state.processError = err.message;
                    state.processExited = true;
                    state.processClosed = true;
                    state.CheckComplete();
                });
                cp.on('exit', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    this._debug(`Exit code ${code} received from tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                cp.on('close', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    state.processClosed = true;
                    this._debug(`STDIO streams have closed for tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                state.on('done', (error, exitCode) => {
                    if (stdbuffer.length > 0) {
                        this.emit('stdline', stdbuffer);
                    }
                    if (errbuffer.length > 0) {
                        this.emit('errline', errbuffer);
                    }
                    cp.removeAllListeners();
                    if (error) {
                        reject(error);
                    }
                    else {
                        resolve(exitCode);
                    }
                });
                if (this.options.input) {
                    if (!cp.stdin) {
                        throw new Error('child process missing stdin');
                    }
                    cp.stdin.end(this.options.input);
                }
            }));
        });
    }
}
/**
 * Convert an arg string to an array of args. Handles escaping
 *
 * @param    argString   string of arguments
 * @returns  string[]    array of arguments
 */
function argStringToArray(argString) {
    const args = [];
    let inQuotes = false;
    let escaped = false;
    let arg = '';
    function append(c) {
        // we only escape double quotes.
        if (escaped && c !== '"') {
            arg += '\\';
        }
        arg += c;
        escaped = false;
    }
    for (let i = 0; i < argString.length; i++) {
        const c = argString.charAt(i);
        if (c === '"') {
            if (!escaped) {
                inQuotes = !inQuotes;
            }
            else {
                append(c);
            }
            continue;
        }
        if (c === '\\' && escaped) {
            append(c);
            continue;
        }
        if (c === '\\' && inQuotes) {
            escaped = true;
            continue;
        }
        if (c === ' ' && !inQuotes) {
            if (arg.length > 0) {
                args.push(arg);
                arg = '';
            }
            continue;
        }
        append(c);
    }
    if (arg.length > 0) {
        args.push(arg.trim());
    }
    return args;
}
class ExecState extends external_events_.EventEmitter {
    constructor(options, toolPath) {
        super();
        this.processClosed = false; // tracks whether the process has exited and stdio is closed
        this.processError = '';
        this.processExitCode = 0;
        this.processExited = false; // tracks whether the process has exited
        this.processStderr = false; // tracks whether stderr was written to
        this.delay = 10000; // 10 seconds
        this.done = false;
        this.timeout = null;
        if (!toolPath) {
            throw new Error('toolPath must not be empty');
        }
        this.options = options;
        this.toolPath = toolPath;
        if (options.delay) {
            this.delay = options.delay;
        }
    }
    CheckComplete() {
        if (this.done) {
            return;
        }
        if (this.processClosed) {
            this._setResult();
        }
        else if (this.processExited) {
            this.timeout = (0,external_timers_namespaceObject.setTimeout)(ExecState.HandleTimeout, this.delay, this);
        }
    }
    _debug(message) {
        this.emit('debug', message);
    }
    _setResult() {
        // determine whether there is an error
        let error;
        if (this.processExited) {
            if (this.processError) {
                error = new Error(`There was an error when attempting to execute the process '${this.toolPath}'. This may indicate the process failed to start. Error: ${this.processError}`);
            }
            else if (this.processExitCode !== 0 && !this.options.ignoreReturnCode) {
                error = new Error(`The process '${this.toolPath}' failed with exit code ${this.processExitCode}`);
            }
            else if (this.processStderr && this.options.failOnStdErr) {
                error = new Error(`The process '${this.toolPath}' failed because one or more lines were written to the STDERR stream`);
            }
        }
        // clear the timeout
        if (this.timeout) {
            clearTimeout(this.timeout);
            this.timeout = null;
        }
        this.done = true;
        this.emit('done', error, this.processExitCode);
    }
    static HandleTimeout(state) {
        if (state.done) {
            return;
        }
        if (!state.processClosed && state.processExited) {
            const message = `The STDIO streams did not close within ${state.delay / 1000} seconds of the exit event from process '${state.toolPath}'. This may indicate a child process inherited the STDIO streams and has not yet exited.`;
            state._debug(message);
        }
        state._setResult();
    }
}
//# sourceMappingURL=toolrunner.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/exec.js
var exec_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


/**
 * Exec a command.
 * Output will be streamed to the live console.
 * Returns promise with return code
 *
 * @param     commandLine        command to execute (can include additional args). Must be correctly escaped.
 * @param     args               optional arguments for tool. Escaping is handled by the lib.
 * @param     options            optional exec options.  See ExecOptions
 * @returns   Promise<number>    exit code
 */
function exec_exec(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        const commandArgs = tr.argStringToArray(commandLine);
        if (commandArgs.length === 0) {
            throw new Error(`Parameter 'commandLine' cannot be null or empty.`);
        }
        // Path to tool to execute should be first arg
        const toolPath = commandArgs[0];
        args = commandArgs.slice(1).concat(args || []);
        const runner = new tr.ToolRunner(toolPath, args, options);
        return runner.exec();
    });
}
/**
 * Exec a command and get the output.
 * Output will be streamed to the live console.
 * Returns promise with the exit code and collected stdout and stderr
 *
 * @param     commandLine           command to execute (can include additional args). Must be correctly escaped.
 * @param     args                  optional arguments for tool. Escaping is handled by the lib.
 * @param     options               optional exec options.  See ExecOptions
 * @returns   Promise<ExecOutput>   exit code, stdout, and stderr
 */
function getExecOutput(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        var _a, _b;
        let stdout = '';
        let stderr = '';
        //Using string decoder covers the case where a mult-byte character is split
        const stdoutDecoder = new StringDecoder('utf8');
        const stderrDecoder = new StringDecoder('utf8');
        const originalStdoutListener = (_a = options === null || options === void 0 ? void 0 : options.listeners) === null || _a === void 0 ? void 0 : _a.stdout;
        const originalStdErrListener = (_b = options === null || options === void 0 ? void 0 : options.listeners) === null || _b === void 0 ? void 0 : _b.stderr;
        const stdErrListener = (data) => {
            stderr += stderrDecoder.write(data);
            if (originalStdErrListener) {
                originalStdErrListener(data);
            }
        };
        const stdOutListener = (data) => {
            stdout += stdoutDecoder.write(data);
            if (originalStdoutListener) {
                originalStdoutListener(data);
            }
        };
        const listeners = Object.assign(Object.assign({}, options === null || options === void 0 ? void 0 : options.listeners), { stdout: stdOutListener, stderr: stdErrListener });
        const exitCode = yield exec_exec(commandLine, args, Object.assign(Object.assign({}, options), { listeners }));
        //flush any remaining characters
        stdout += stdoutDecoder.end();
        stderr += stderrDecoder.end();
        return {
            exitCode,
            stdout,
            stderr
        };
    });
}
//# sourceMappingURL=exec.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/platform.js
var platform_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const getWindowsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout: version } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Version"', undefined, {
        silent: true
    });
    const { stdout: name } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Caption"', undefined, {
        silent: true
    });
    return {
        name: name.trim(),
        version: version.trim()
    };
});
const getMacOsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    var _a, _b, _c, _d;
    const { stdout } = yield exec.getExecOutput('sw_vers', undefined, {
        silent: true
    });
    const version = (_b = (_a = stdout.match(/ProductVersion:\s*(.+)/)) === null || _a === void 0 ? void 0 : _a[1]) !== null && _b !== void 0 ? _b : '';
    const name = (_d = (_c = stdout.match(/ProductName:\s*(.+)/)) === null || _c === void 0 ? void 0 : _c[1]) !== null && _d !== void 0 ? _d : '';
    return {
        name,
        version
    };
});
const getLinuxInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout } = yield exec.getExecOutput('lsb_release', ['-i', '-r', '-s'], {
        silent: true
    });
    const [name, version] = stdout.trim().split('\n');
    return {
        name,
        version
    };
});
const platform = external_os_.platform();
const arch = external_os_.arch();
const isWindows = platform === 'win32';
const isMacOS = platform === 'darwin';
const isLinux = platform === 'linux';
function getDetails() {
    return platform_awaiter(this, void 0, void 0, function* () {
        return Object.assign(Object.assign({}, (yield (isWindows
            ? getWindowsInfo()
            : isMacOS
                ? getMacOsInfo()
                : getLinuxInfo()))), { platform,
            arch,
            isWindows,
            isMacOS,
            isLinux });
    });
}
//# sourceMappingURL=platform.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/core.js
var core_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};






/**
 * The code to exit an action
 */
var ExitCode;
(function (ExitCode) {
    /**
     * A code indicating that the action was successful
     */
    ExitCode[ExitCode["Success"] = 0] = "Success";
    /**
     * A code indicating that the action was a failure
     */
    ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
//-----------------------------------------------------------------------
// Variables
//-----------------------------------------------------------------------
/**
 * Sets env variable for this action and future actions in the job
 * @param name the name of the variable to set
 * @param val the value of the variable. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function exportVariable(name, val) {
    const convertedVal = toCommandValue(val);
    process.env[name] = convertedVal;
    const filePath = process.env['GITHUB_ENV'] || '';
    if (filePath) {
        return issueFileCommand('ENV', prepareKeyValueMessage(name, val));
    }
    issueCommand('set-env', { name }, convertedVal);
}
/**
 * Registers a secret which will get masked from logs
 *
 * @param secret - Value of the secret to be masked
 * @remarks
 * This function instructs the Actions runner to mask the specified value in any
 * logs produced during the workflow run. Once registered, the secret value will
 * be replaced with asterisks (***) whenever it appears in console output, logs,
 * or error messages.
 *
 * This is useful for protecting sensitive information such as:
 * - API keys
 * - Access tokens
 * - Authentication credentials
 * - URL parameters containing signatures (SAS tokens)
 *
 * Note that masking only affects future logs; any previous appearances of the
 * secret in logs before calling this function will remain unmasked.
 *
 * @example
 * ```typescript
 * // Register an API token as a secret
 * const apiToken = "abc123xyz456";
 * setSecret(apiToken);
 *
 * // Now any logs containing this value will show *** instead
 * console.log(`Using token: ${apiToken}`); // Outputs: "Using token: ***"
 * ```
 */
function core_setSecret(secret) {
    command_issueCommand('add-mask', {}, secret);
}
/**
 * Prepends inputPath to the PATH (for this action and future actions)
 * @param inputPath
 */
function addPath(inputPath) {
    const filePath = process.env['GITHUB_PATH'] || '';
    if (filePath) {
        issueFileCommand('PATH', inputPath);
    }
    else {
        issueCommand('add-path', {}, inputPath);
    }
    process.env['PATH'] = `${inputPath}${path.delimiter}${process.env['PATH']}`;
}
/**
 * Gets the value of an input.
 * Unless trimWhitespace is set to false in InputOptions, the value is also trimmed.
 * Returns an empty string if the value is not defined.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string
 */
function getInput(name, options) {
    const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    if (options && options.required && !val) {
        throw new Error(`Input required and not supplied: ${name}`);
    }
    if (options && options.trimWhitespace === false) {
        return val;
    }
    return val.trim();
}
/**
 * Gets the values of an multiline input.  Each value is also trimmed.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string[]
 *
 */
function getMultilineInput(name, options) {
    const inputs = getInput(name, options)
        .split('\n')
        .filter(x => x !== '');
    if (options && options.trimWhitespace === false) {
        return inputs;
    }
    return inputs.map(input => input.trim());
}
/**
 * Gets the input value of the boolean type in the YAML 1.2 "core schema" specification.
 * Support boolean input list: `true | True | TRUE | false | False | FALSE` .
 * The return value is also in boolean type.
 * ref: https://yaml.org/spec/1.2/spec.html#id2804923
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   boolean
 */
function getBooleanInput(name, options) {
    const trueValue = ['true', 'True', 'TRUE'];
    const falseValue = ['false', 'False', 'FALSE'];
    const val = getInput(name, options);
    if (trueValue.includes(val))
        return true;
    if (falseValue.includes(val))
        return false;
    throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}\n` +
        `Support boolean input list: \`true | True | TRUE | false | False | FALSE\``);
}
/**
 * Sets the value of an output.
 *
 * @param     name     name of the output to set
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function setOutput(name, value) {
    const filePath = process.env['GITHUB_OUTPUT'] || '';
    if (filePath) {
        return file_command_issueFileCommand('OUTPUT', file_command_prepareKeyValueMessage(name, value));
    }
    process.stdout.write(external_os_.EOL);
    command_issueCommand('set-output', { name }, utils_toCommandValue(value));
}
/**
 * Enables or disables the echoing of commands into stdout for the rest of the step.
 * Echoing is disabled by default if ACTIONS_STEP_DEBUG is not set.
 *
 */
function setCommandEcho(enabled) {
    issue('echo', enabled ? 'on' : 'off');
}
//-----------------------------------------------------------------------
// Results
//-----------------------------------------------------------------------
/**
 * Sets the action status to failed.
 * When the action exits it will be with an exit code of 1
 * @param message add error issue message
 */
function setFailed(message) {
    process.exitCode = ExitCode.Failure;
    error(message);
}
//-----------------------------------------------------------------------
// Logging Commands
//-----------------------------------------------------------------------
/**
 * Gets whether Actions Step Debug is on or not
 */
function isDebug() {
    return process.env['RUNNER_DEBUG'] === '1';
}
/**
 * Writes debug message to user log
 * @param message debug message
 */
function core_debug(message) {
    command_issueCommand('debug', {}, message);
}
/**
 * Adds an error issue
 * @param message error issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function error(message, properties = {}) {
    command_issueCommand('error', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function warning(message, properties = {}) {
    command_issueCommand('warning', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a notice issue
 * @param message notice issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function notice(message, properties = {}) {
    command_issueCommand('notice', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Writes info to log with console.log.
 * @param message info message
 */
function info(message) {
    process.stdout.write(message + external_os_.EOL);
}
/**
 * Begin an output group.
 *
 * Output until the next `groupEnd` will be foldable in this group
 *
 * @param name The name of the output group
 */
function startGroup(name) {
    issue('group', name);
}
/**
 * End an output group.
 */
function endGroup() {
    issue('endgroup');
}
/**
 * Wrap an asynchronous function call in a group.
 *
 * Returns the same type as the function itself.
 *
 * @param name The name of the group
 * @param fn The function to wrap in the group
 */
function group(name, fn) {
    return core_awaiter(this, void 0, void 0, function* () {
        startGroup(name);
        let result;
        try {
            result = yield fn();
        }
        finally {
            endGroup();
        }
        return result;
    });
}
//-----------------------------------------------------------------------
// Wrapper action state
//-----------------------------------------------------------------------
/**
 * Saves state for current action, the state can only be retrieved by this action's post job execution.
 *
 * @param     name     name of the state to store
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function saveState(name, value) {
    const filePath = process.env['GITHUB_STATE'] || '';
    if (filePath) {
        return issueFileCommand('STATE', prepareKeyValueMessage(name, value));
    }
    issueCommand('save-state', { name }, toCommandValue(value));
}
/**
 * Gets the value of an state set by this action's main execution.
 *
 * @param     name     name of the state to get
 * @returns   string
 */
function getState(name) {
    return process.env[`STATE_${name}`] || '';
}
function getIDToken(aud) {
    return core_awaiter(this, void 0, void 0, function* () {
        return yield OidcClient.getIDToken(aud);
    });
}
/**
 * Summary exports
 */

/**
 * @deprecated use core.summary
 */

/**
 * Path exports
 */

/**
 * Platform utilities exports
 */

//# sourceMappingURL=core.js.map

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		id: moduleId,
/******/ 		loaded: false,
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Flag the module as loaded
/******/ 	module.loaded = true;
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/node module decorator */
/******/ (() => {
/******/ 	__nccwpck_require__.nmd = (module) => {
/******/ 		module.paths = [];
/******/ 		if (!module.children) module.children = [];
/******/ 		return module;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(68682);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 

//# sourceMappingURL=index.js.map