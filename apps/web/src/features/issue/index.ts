/**
 * What other screens may use of the issue feature: the one form of each action on an issue (the
 * inbox's recommendation, the queue's decision), as the issue page opens it.
 */
export { IssueActionHost, type IssueActionHostProps } from './components/IssueActionHost';
