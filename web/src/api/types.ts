// Names for the contract's shapes, taken from the generated schema.d.ts
// (`npm run generate` rebuilds it from docs/openapi.yaml; a test fails when
// the committed file is stale).
import type { components, operations } from "./schema";

type Schemas = components["schemas"];

export type User = Schemas["User"];
export type Session = Schemas["Session"];
export type Task = Schemas["Task"];
export type Priority = Schemas["Priority"];
export type TaskCreate = Schemas["TaskCreate"];
export type TaskUpdate = Schemas["TaskUpdate"];
export type TaskQuery = NonNullable<operations["listTasks"]["parameters"]["query"]>;
export type TaskStatus = NonNullable<TaskQuery["status"]>;
export type TaskSort = NonNullable<TaskQuery["sort"]>;
export type SortOrder = NonNullable<TaskQuery["order"]>;

export const PRIORITIES: readonly Priority[] = ["low", "medium", "high"];
