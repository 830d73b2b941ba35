export { cx } from "./cx.ts";
export { VisuallyHidden } from "./visually-hidden.tsx";
export { Spinner, type SpinnerProps, type SpinnerSize } from "./spinner.tsx";
export {
  Button,
  IconButton,
  buttonClasses,
  type ButtonProps,
  type ButtonSize,
  type ButtonVariant,
  type IconButtonProps,
} from "./button.tsx";
export { errorMessages, useFieldIds, type FieldErrorValue, type FieldProps } from "./field.tsx";
export {
  PasswordField,
  Textarea,
  TextField,
  type PasswordFieldProps,
  type TextareaProps,
  type TextFieldProps,
} from "./text-field.tsx";
export { Select, type SelectOption, type SelectProps } from "./select.tsx";
export { Checkbox, type CheckboxProps } from "./checkbox.tsx";
export { RadioGroup, type RadioGroupProps, type RadioOption } from "./radio-group.tsx";
export { FormError, type FormErrorProps } from "./form-error.tsx";
export { Card, CardContent, CardFooter, CardHeader, type CardHeaderProps } from "./card.tsx";
export { Badge, type BadgeProps, type BadgeTone } from "./badge.tsx";
export { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, type TableProps } from "./table.tsx";
export { EmptyState, type EmptyStateProps } from "./empty-state.tsx";
export { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger, type DialogContentProps } from "./dialog.tsx";
export { Sheet, SheetClose, SheetContent, SheetTrigger, type SheetContentProps } from "./sheet.tsx";
export {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuGroup,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "./dropdown-menu.tsx";
export { Tabs, TabsContent, TabsList, TabsTrigger } from "./tabs.tsx";
export { ToastProvider, useToast, type ToastOptions, type ToastTone } from "./toast.tsx";
export { Skeleton } from "./skeleton.tsx";
export { Avatar, initialsOf, type AvatarProps, type AvatarSize } from "./avatar.tsx";
export { Stat, StatGroup, type StatDelta, type StatProps } from "./stat.tsx";
export { Kbd } from "./kbd.tsx";
export { Tooltip, TooltipProvider, type TooltipProps } from "./tooltip.tsx";
export { BarChart, type BarChartProps, type BarDatum } from "./bar-chart.tsx";
