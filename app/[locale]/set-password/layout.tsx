export { default } from "../verify/layout";
