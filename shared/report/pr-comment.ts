/**
 * A pull-request comment that a re-run updates instead of repeating (like a plan comment): found again by a hidden
 * marker. The body passes the same redaction as the log, since vendor messages in it may echo a credential.
 * Failure to comment warns; it never fails the step.
 */
import { errorMessage } from '../errors.js';
import type { Logger } from '../runtime.js';

/** GitHub refuses a comment over 65,536 characters; a body built with Summary stays under this many bytes. */
export const COMMENT_BUDGET_BYTES = 60_000;

export interface PullRequestComment {
  token: string;
  /** Tells this comment apart from others on the same pull request (action, job, target). */
  key: string;
  body: string;
}

export async function upsertPullRequestComment(comment: PullRequestComment, logger: Logger): Promise<void> {
  try {
    // Loaded on demand: the GitHub client is large and most runs do not comment.
    const github = await import('@actions/github');
    const { context } = github;
    const number = context.payload.pull_request?.number;
    if (!number) {
      logger.info(
        `comment-on-pr: this run is for a ${context.eventName || 'non-pull-request'} event, not a pull request; no comment.`,
      );
      return;
    }
    const marker = `<!-- config-promotion-actions: ${comment.key.replace(/--/g, '-')} -->`;
    const body = `${marker}\n${logger.redact(comment.body)}`;
    const octokit = github.getOctokit(comment.token);
    const { owner, repo } = context.repo;
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
      owner,
      repo,
      issue_number: number,
      per_page: 100,
    });
    const existing = comments.find((c) => c.body?.includes(marker));
    if (existing) {
      await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
      logger.info(`Updated the comment on pull request #${number}.`);
    } else {
      await octokit.rest.issues.createComment({ owner, repo, issue_number: number, body });
      logger.info(`Commented on pull request #${number}.`);
    }
  } catch (error) {
    logger.warning(
      `Could not comment on the pull request: ${errorMessage(error)}. The job summary has the same report; check that github-token may write pull requests (permissions: pull-requests: write).`,
      'Pull request comment not posted',
    );
  }
}
