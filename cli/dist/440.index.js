export const id = 440;
export const ids = [440];
export const modules = {

/***/ 7440:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   run: () => (/* binding */ run),
/* harmony export */   validateOutputs: () => (/* binding */ validateOutputs)
/* harmony export */ });
/* harmony import */ var _shared_fs_file_name_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(65070);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(32635);
/* harmony import */ var _shared_report_artifact_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(49771);
/* harmony import */ var _shared_report_known_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(1854);
/* harmony import */ var _shared_report_outputs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(59747);
/* harmony import */ var _shared_frame_run_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(91625);
/* harmony import */ var _shared_runtime_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(65742);
/* harmony import */ var _shared_validation_inputs_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(65511);
/* harmony import */ var _shared_validation_report_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(64012);
/* harmony import */ var _shared_validation_step_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(84896);
/* harmony import */ var _shared_validation_test_results_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(22213);
/* harmony import */ var _shared_vendors_servicenow_connection_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(11272);
/* harmony import */ var _shared_poll_poll_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(86373);
/** cdm-validate: inputs → the shared validation gate → outputs, annotations, job summary, artifact. */













function run(options = {}) {
    return (0,_shared_frame_run_js__WEBPACK_IMPORTED_MODULE_4__/* .runAction */ .C)({ title: 'ServiceNow CDM validate', ...options }, main);
}
async function main(context) {
    const { inputs, outputs, summary, logger } = context;
    const required = {
        connection: (0,_shared_vendors_servicenow_connection_js__WEBPACK_IMPORTED_MODULE_10__/* .readServiceNowConnection */ .YJ)(inputs),
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
    const gateInputs = (0,_shared_validation_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .readGateInputs */ .r)(inputs);
    const uploadedFiles = (0,_shared_validation_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .readUploadedFiles */ .A)(inputs);
    const artifact = (0,_shared_report_artifact_js__WEBPACK_IMPORTED_MODULE_2__/* .readArtifactInputs */ .W)(inputs);
    const timeoutMs = inputs.duration('timeout', '30m');
    const pollIntervalMs = (0,_shared_poll_poll_js__WEBPACK_IMPORTED_MODULE_11__/* .readPollInterval */ .nb)(inputs, '10s');
    const { connection, appName } = inputs.finish(required);
    const runtime = context.runtime(timeoutMs);
    // What the gate found so far, for the outputs and the summary of a run that ends part-way.
    const known = new _shared_report_known_js__WEBPACK_IMPORTED_MODULE_12__/* .Known */ .I((part) => (0,_shared_report_outputs_js__WEBPACK_IMPORTED_MODULE_3__/* .setOutputs */ .n0)(outputs, validateOutputs(part)));
    try {
        const result = await (0,_shared_validation_step_js__WEBPACK_IMPORTED_MODULE_8__/* .runGateStep */ .R)({
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
            client: (0,_shared_vendors_servicenow_connection_js__WEBPACK_IMPORTED_MODULE_10__/* .serviceNowClient */ .z0)(connection, runtime),
            connection,
            runtime,
            report: known.report,
        });
        context.reportResults((0,_shared_validation_test_results_js__WEBPACK_IMPORTED_MODULE_9__/* .gateRunResults */ .f)(result, uploadedFiles, gateInputs.workspace));
        let artifactFailure;
        if (artifact)
            await context
                .uploadArtifact({ ...artifact, files: [result.sarif.path, result.results.path] })
                .catch((error) => (artifactFailure = error));
        const failure = (0,_shared_validation_step_js__WEBPACK_IMPORTED_MODULE_8__/* .gateFailure */ .I)(result);
        if (failure) {
            // The gate's verdict is the step's failure; a failed artifact upload is still said, as its own annotation.
            if (artifactFailure)
                logger.error((0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(artifactFailure), 'Artifact not uploaded');
            throw failure;
        }
        if (artifactFailure)
            throw artifactFailure;
        return `✅ ${appName}: ${(0,_shared_validation_report_js__WEBPACK_IMPORTED_MODULE_7__/* .gateVerdict */ .lr)(result)}.`;
    }
    finally {
        const { result } = known.value;
        (0,_shared_validation_report_js__WEBPACK_IMPORTED_MODULE_7__/* .summarizeGate */ .zj)(summary, result?.snapshots ?? known.value.snapshots ?? [], result);
        summary.details([
            ['Instance', connection.instanceUrl],
            ['Application', appName],
            ['Changeset', changesetNumber],
            ['SARIF file', result && (0,_shared_fs_file_name_js__WEBPACK_IMPORTED_MODULE_0__/* .summaryFileName */ ._P)(result.sarif.path)],
            ['Results file', result && (0,_shared_fs_file_name_js__WEBPACK_IMPORTED_MODULE_0__/* .summaryFileName */ ._P)(result.results.path)],
            ['Published', result?.published.join(', ')],
            ['Elapsed', (0,_shared_runtime_js__WEBPACK_IMPORTED_MODULE_5__/* .formatDuration */ .a3)(runtime.deadline.elapsed())],
        ]);
    }
}
/** The step's outputs for what the gate reported; the ones not known yet are left out. */
function validateOutputs(part) {
    const values = (0,_shared_validation_report_js__WEBPACK_IMPORTED_MODULE_7__/* .gateValues */ .iy)(part);
    return {
        snapshots: values.snapshots,
        'snapshot-name': values.snapshotName,
        'snapshot-id': values.snapshotId,
        'snapshot-names': values.snapshotNames,
        'validation-status': values.validationStatus,
        'validation-results': values.validationResults,
        failures: values.failures,
        warnings: values.warnings,
        'sarif-file': values.sarifFile,
        'results-file': values.resultsFile,
        published: values.published,
    };
}


/***/ })

};

//# sourceMappingURL=440.index.js.map