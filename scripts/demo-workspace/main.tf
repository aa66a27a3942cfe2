# The demo workspace. Cloud Keys activates on Terraform files and annotates key resources.
resource "oci_identity_customer_secret_key" "backup" {
  display_name = "backup-bucket"
  user_id      = var.backup_user_id
}

variable "backup_user_id" {
  type = string
}
