export const id = 440;
export const ids = [440];
export const modules = {

/***/ 7440:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   run: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(32635);
/* harmony import */ var _shared_report_artifact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(49771);
/* harmony import */ var _shared_report_known_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(1854);
/* harmony import */ var _shared_report_run_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(10530);
/* harmony import */ var _shared_runtime_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(65742);
/* harmony import */ var _shared_validation_inputs_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(65511);
/* harmony import */ var _shared_validation_report_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(64012);
/* harmony import */ var _shared_validation_step_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(84896);
/* harmony import */ var _shared_vendors_servicenow_connection_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(11272);
/* harmony import */ var _shared_poll_poll_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(86373);
/** cdm-validate: inputs → the shared validation gate → outputs, annotations, job summary, artifact. */










function run(options = {}) {
    return (0,_shared_report_run_js__WEBPACK_IMPORTED_MODULE_2__/* .runAction */ .C)({ title: 'ServiceNow CDM validate', ...options }, main);
}
async function main(context) {
    const { inputs, outputs, summary, logger } = context;
    const required = {
        connection: (0,_shared_vendors_servicenow_connection_js__WEBPACK_IMPORTED_MODULE_7__/* .readServiceNowConnection */ .YJ)(inputs),
        appName: inputs.string('app-name', { required: true }),
    };
    const changesetNumber = inputs.string('changeset-number');
    if (changesetNumber !== undefined && !/^[A-Za-z0-9_.-]+$/.test(changesetNumber)) {
        inputs.problem('changeset-number', 'must be a changeset number such as Chset-102', changesetNumber);
    }
    const deployableNames = inputs.list('deployable-name');
    if (!changesetNumber && !deployableNames.length) {
        inputs.problem('deployable-name', 'is required without changeset-number (or give changeset-number)');
    }
    const snapshotName = inputs.string('snapshot-name');
    if (snapshotName && changesetNumber) {
        inputs.problem('snapshot-name', 'does not go with changeset-number (the changeset decides the snapshots)');
    }
    if (snapshotName && deployableNames.length > 1) {
        inputs.problem('snapshot-name', `names one snapshot, so give one deployable-name (got ${deployableNames.length})`);
    }
    const revalidate = inputs.boolean('revalidate', false);
    const publish = inputs.boolean('publish', false);
    const gateInputs = (0,_shared_validation_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .readGateInputs */ .r)(inputs);
    const uploadedFiles = (0,_shared_validation_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .readUploadedFiles */ .A)(inputs);
    const artifact = (0,_shared_report_artifact_js__WEBPACK_IMPORTED_MODULE_1__/* .readArtifactInputs */ .W)(inputs);
    const timeoutMs = inputs.duration('timeout', '30m');
    const pollIntervalMs = (0,_shared_poll_poll_js__WEBPACK_IMPORTED_MODULE_8__/* .readPollInterval */ .nb)(inputs, '10s');
    const { connection, appName } = inputs.finish(required);
    const runtime = context.runtime(timeoutMs);
    // What the gate found so far, for the summary of a run that ends part-way; `result` once it has ended.
    const known = new _shared_report_known_js__WEBPACK_IMPORTED_MODULE_9__/* .Known */ .I();
    let result;
    try {
        result = await (0,_shared_validation_step_js__WEBPACK_IMPORTED_MODULE_6__/* .runGateStep */ .R)({
            appName,
            changesetNumber,
            deployableNames,
            snapshotName,
            revalidate,
            publish,
            serverValidates: false,
            uploadedFiles,
            pollIntervalMs,
            ...gateInputs,
        }, {
            client: (0,_shared_vendors_servicenow_connection_js__WEBPACK_IMPORTED_MODULE_7__/* .serviceNowClient */ .z0)(connection, runtime),
            connection,
            runtime,
            outputs,
            publishedOutput: true,
            report: known.report,
        });
        let artifactFailure;
        if (artifact)
            await context
                .uploadArtifact({ ...artifact, files: [result.sarif.path, result.results.path] })
                .catch((error) => (artifactFailure = error));
        const failure = (0,_shared_validation_step_js__WEBPACK_IMPORTED_MODULE_6__/* .gateFailure */ .I)(result);
        if (failure) {
            // The gate's verdict is the step's failure; a failed artifact upload is still said, as its own annotation.
            if (artifactFailure)
                logger.error((0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(artifactFailure), 'Artifact not uploaded');
            throw failure;
        }
        if (artifactFailure)
            throw artifactFailure;
        return `✅ ${appName}: ${(0,_shared_validation_report_js__WEBPACK_IMPORTED_MODULE_5__/* .gateVerdict */ .lr)(result)}.`;
    }
    finally {
        (0,_shared_validation_report_js__WEBPACK_IMPORTED_MODULE_5__/* .summarizeGate */ .zj)(summary, result?.snapshots ?? known.value.snapshots ?? [], result);
        summary.details([
            ['Instance', connection.instanceUrl],
            ['Application', appName],
            ['Changeset', changesetNumber],
            ['SARIF file', result?.sarif.path],
            ['Results file', result?.results.path],
            ['Published', result?.published.join(', ')],
            ['Elapsed', (0,_shared_runtime_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a3)(runtime.deadline.elapsed())],
        ]);
    }
}


/***/ })

};

//# sourceMappingURL=440.index.js.map