/* imp-preferences.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "imp-export.h"
#include "imp-preferences.h"
#include "imp-types.h"

/**
 * ImpPreferences:
 *
 * The preferences window: style (system, light or dark), autosave delay,
 * the vocabulary of new maps and the choices the export dialog opens with
 * (the same keys it keeps its last choices in). Each row is bound to its GSettings key, so a
 * change applies at once and there is nothing to confirm.
 */
struct _ImpPreferences
{
  AdwPreferencesWindow parent_instance;

  AdwComboRow   *style_row;
  AdwActionRow  *autosave_row;
  GtkSpinButton *autosave_spin;
  AdwComboRow   *vocabulary_row;
  AdwPreferencesGroup *export_group;
  AdwComboRow   *export_format_row;
  AdwComboRow   *export_theme_row;
  GtkSpinButton *export_scale_spin;
  GtkSpinButton *export_padding_spin;
  GtkSwitch     *export_transparent_switch;
  GtkSwitch     *export_title_switch;
  AdwPreferencesGroup *workshop_group;
  GtkSwitch     *timebox_sound_switch;

  GSettings     *settings;
};

G_DEFINE_FINAL_TYPE (ImpPreferences, imp_preferences, ADW_TYPE_PREFERENCES_WINDOW)

/* The settings' spellings of each choice row's items, in the row's order
 * (for the enums, their order), NULL-terminated: one pair of mappings
 * serves every choice row. The enum ones are filled in class_init. */
static const char *style_names[] = { "default", "light", "dark", NULL };
static const char *vocabulary_names[IMP_N_VOCABULARIES + 1];
static const char *export_format_names[IMP_N_EXPORT_FORMATS + 1];
static const char *export_theme_names[IMP_THEME_PROJECTOR + 2];

/* Without the installed schema (an uninstalled run with no
 * GSETTINGS_SCHEMA_DIR), g_settings_new() would abort. */
static GSettings *
settings_new_if_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return NULL;

  return g_settings_new (APP_ID);
}

static gboolean
choice_get_mapping (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const char * const *names = user_data;
  const char *str = g_variant_get_string (variant, NULL);

  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (str, names[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  return FALSE;
}

static GVariant *
choice_set_mapping (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  const char * const *names = user_data;
  guint i = g_value_get_uint (value);

  for (guint j = 0; j <= i; j++)
    if (names[j] == NULL)
      return NULL;

  return g_variant_new_string (names[i]);
}

static gboolean
seconds_get_mapping (GValue   *value,
                     GVariant *variant,
                     gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_uint32 (variant));

  return TRUE;
}

static GVariant *
seconds_set_mapping (const GValue       *value,
                     const GVariantType *expected_type,
                     gpointer            user_data)
{
  double seconds = g_value_get_double (value);

  return g_variant_new_uint32 ((guint32) CLAMP (seconds, 1, 600));
}

static void
imp_preferences_dispose (GObject *object)
{
  ImpPreferences *self = IMP_PREFERENCES (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (imp_preferences_parent_class)->dispose (object);
}

static void
imp_preferences_class_init (ImpPreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  for (guint i = 0; i < IMP_N_VOCABULARIES; i++)
    vocabulary_names[i] = imp_vocabulary_to_string ((ImpVocabulary) i);
  for (guint i = 0; i < IMP_N_EXPORT_FORMATS; i++)
    export_format_names[i] = imp_export_format_to_string ((ImpExportFormat) i);
  for (guint i = 0; i <= IMP_THEME_PROJECTOR; i++)
    export_theme_names[i] = imp_theme_kind_to_string ((ImpThemeKind) i);

  object_class->dispose = imp_preferences_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/impactmapper/ImpactMapper/imp-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, ImpPreferences, style_row);
  gtk_widget_class_bind_template_child (widget_class, ImpPreferences, autosave_row);
  gtk_widget_class_bind_template_child (widget_class, ImpPreferences, autosave_spin);
  gtk_widget_class_bind_template_child (widget_class, ImpPreferences, vocabulary_row);
  gtk_widget_class_bind_template_child (widget_class, ImpPreferences, export_group);
  gtk_widget_class_bind_template_child (widget_class, ImpPreferences, export_format_row);
  gtk_widget_class_bind_template_child (widget_class, ImpPreferences, export_theme_row);
  gtk_widget_class_bind_template_child (widget_class, ImpPreferences, export_scale_spin);
  gtk_widget_class_bind_template_child (widget_class, ImpPreferences, export_padding_spin);
  gtk_widget_class_bind_template_child (widget_class, ImpPreferences, export_transparent_switch);
  gtk_widget_class_bind_template_child (widget_class, ImpPreferences, export_title_switch);
  gtk_widget_class_bind_template_child (widget_class, ImpPreferences, workshop_group);
  gtk_widget_class_bind_template_child (widget_class, ImpPreferences, timebox_sound_switch);
}

static void
imp_preferences_init (ImpPreferences *self)
{
  g_autoptr(GtkStringList) vocabularies = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < IMP_N_VOCABULARIES; i++)
    gtk_string_list_append (vocabularies, imp_vocabulary_display_name ((ImpVocabulary) i));
  adw_combo_row_set_model (self->vocabulary_row, G_LIST_MODEL (vocabularies));

  self->settings = settings_new_if_installed ();
  if (self->settings == NULL)
    {
      /* Nowhere to keep a choice: show the rows, but do not pretend. */
      gtk_widget_set_sensitive (GTK_WIDGET (self->style_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->autosave_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->vocabulary_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->export_group), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->workshop_group), FALSE);
      return;
    }

  g_settings_bind_with_mapping (self->settings, "style-variant",
                                self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                choice_get_mapping, choice_set_mapping,
                                (gpointer) style_names, NULL);
  g_settings_bind_with_mapping (self->settings, "autosave-delay",
                                gtk_spin_button_get_adjustment (self->autosave_spin), "value",
                                G_SETTINGS_BIND_DEFAULT,
                                seconds_get_mapping, seconds_set_mapping, NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "default-vocabulary",
                                self->vocabulary_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                choice_get_mapping, choice_set_mapping,
                                (gpointer) vocabulary_names, NULL);

  g_settings_bind_with_mapping (self->settings, "export-format",
                                self->export_format_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                choice_get_mapping, choice_set_mapping,
                                (gpointer) export_format_names, NULL);
  g_settings_bind_with_mapping (self->settings, "export-theme",
                                self->export_theme_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                choice_get_mapping, choice_set_mapping,
                                (gpointer) export_theme_names, NULL);
  g_settings_bind (self->settings, "export-scale",
                   gtk_spin_button_get_adjustment (self->export_scale_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "export-padding",
                   gtk_spin_button_get_adjustment (self->export_padding_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "export-transparent",
                   self->export_transparent_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "export-title-line",
                   self->export_title_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "timebox-sound",
                   self->timebox_sound_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
}

/**
 * imp_preferences_new:
 * @parent: (nullable): the window it belongs to
 *
 * Returns: (transfer none): a new preferences window, not yet shown
 */
GtkWidget *
imp_preferences_new (GtkWindow *parent)
{
  return g_object_new (IMP_TYPE_PREFERENCES,
                       "transient-for", parent,
                       NULL);
}

static void
style_variant_changed_cb (GSettings  *settings,
                          const char *key,
                          gpointer    user_data)
{
  g_autofree char *variant = g_settings_get_string (settings, "style-variant");
  AdwColorScheme scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_str_equal (variant, "light"))
    scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_str_equal (variant, "dark"))
    scheme = ADW_COLOR_SCHEME_FORCE_DARK;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
}

/**
 * imp_preferences_follow_style:
 * @application: the application, after libadwaita is initialised
 *
 * Applies the "style-variant" setting to AdwStyleManager now and whenever it
 * changes, for as long as @application lives.
 */
void
imp_preferences_follow_style (GtkApplication *application)
{
  GSettings *settings = settings_new_if_installed ();

  if (settings == NULL)
    return;

  g_signal_connect (settings, "changed::style-variant",
                    G_CALLBACK (style_variant_changed_cb), NULL);
  style_variant_changed_cb (settings, "style-variant", NULL);

  g_object_set_data_full (G_OBJECT (application), "imp-style-settings",
                          settings, g_object_unref);
}

/**
 * imp_preferences_get_default_vocabulary:
 *
 * Returns: the vocabulary a new map starts with, from the
 *   "default-vocabulary" setting (classic without the schema)
 */
ImpVocabulary
imp_preferences_get_default_vocabulary (void)
{
  g_autoptr(GSettings) settings = settings_new_if_installed ();
  g_autofree char *name = NULL;
  ImpVocabulary vocabulary = IMP_VOCABULARY_CLASSIC;

  if (settings == NULL)
    return vocabulary;

  name = g_settings_get_string (settings, "default-vocabulary");
  if (!imp_vocabulary_from_string (name, &vocabulary))
    vocabulary = IMP_VOCABULARY_CLASSIC;

  return vocabulary;
}
