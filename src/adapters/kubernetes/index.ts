export { type ClusterSetSettings, createClusterSet } from "./cluster-set.js";
