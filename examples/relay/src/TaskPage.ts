// A small Relay app: a task page whose Task fragment can refetch itself (through `node(id:)`), the viewer's tasks as a
// @connection, and a subscription. test/relay.test.ts runs the real relay-compiler over it against schema.graphql.
import { graphql } from 'relay-runtime';

/** The task's own fields; `@refetchable` makes relay-compiler generate TaskPageRefetchQuery, which reads `node(id:)`. */
export const taskFragment = graphql`
  fragment TaskPage_task on Task @refetchable(queryName: "TaskPageRefetchQuery") {
    id
    kind
    status
    clips {
      id
      title
      audioUrl
    }
    stems {
      kind
      clip {
        id
        audioUrl
      }
    }
  }
`;

export const taskPageQuery = graphql`
  query TaskPageQuery($id: ID!) {
    task(id: $id) {
      ...TaskPage_task
    }
  }
`;

/** The viewer's tasks, newest first, paginated with Relay's @connection. */
export const taskListFragment = graphql`
  fragment TaskPage_viewer on Viewer @refetchable(queryName: "TaskListPaginationQuery") @argumentDefinitions(count: { type: "Int", defaultValue: 20 }, cursor: { type: "String" }) {
    id
    tasks(first: $count, after: $cursor) @connection(key: "TaskPage_tasks") {
      edges {
        node {
          id
          status
        }
      }
    }
  }
`;

export const taskListQuery = graphql`
  query TaskListQuery {
    viewer {
      ...TaskPage_viewer
    }
  }
`;

/** Every change of one task until it is final. */
export const taskUpdatedSubscription = graphql`
  subscription TaskPageSubscription($taskId: ID!) {
    taskUpdated(taskId: $taskId) {
      ...TaskPage_task
    }
  }
`;
